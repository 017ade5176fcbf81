from django.core.management.base import BaseCommand

from accounts.privacy_registry import providers


class Command(BaseCommand):
    help = (
        "Deletes what is past its retention period: finished task rows, sent "
        "email records, old audit entries and expired exports (each app's "
        "privacy.apply_retention). Run every 10 minutes "
        "(deploy/systemd/iq-lernplattform-expiry.timer)."
    )

    def handle(self, *args, **options):
        for label, apply_retention in providers("apply_retention"):
            for what, count in apply_retention().items():
                self.stdout.write(f"{label}: {count} {what} deleted.")
