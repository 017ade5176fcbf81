"""Retry forwarding statements the external LRS has not yet accepted."""

from django.core.management.base import BaseCommand

from content_packages import conf
from content_packages.models import Statement
from content_packages.tasks import forward_now


class Command(BaseCommand):
    help = "Forward stored xAPI statements that have not reached the external LRS."

    def handle(self, *args, **options):
        if not conf.lrs_endpoint():
            self.stdout.write("XAPI_LRS_ENDPOINT is not set; nothing to do.")
            return
        sent = 0
        for pk in Statement.objects.pending_forwarding().values_list("pk", flat=True):
            sent += forward_now(str(pk))
        self.stdout.write(f"Forwarded {sent} statement(s).")
