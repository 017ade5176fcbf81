from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.gdpr import erase_account, inactive_accounts
from accounts.models import AuditAction
from accounts.services import record_audit


class Command(BaseCommand):
    help = (
        "Anonymises learner accounts without a login for RETENTION_INACTIVE_DAYS "
        "days. Run daily (deploy/systemd/iq-lernplattform-retention.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the accounts."
        )

    def handle(self, *args, dry_run=False, **options):
        accounts = list(inactive_accounts())
        if dry_run:
            self.stdout.write(f"{len(accounts)} account(s) would be anonymised.")
            return
        for user in accounts:
            erase_account(user, reason="retention")
        record_audit(
            actor=None,
            action=AuditAction.ACCOUNTS_ANONYMISED,
            detail={
                "count": len(accounts),
                "retention_days": settings.RETENTION_INACTIVE_DAYS,
            },
        )
        self.stdout.write(f"{len(accounts)} account(s) anonymised.")
