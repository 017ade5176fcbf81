"""Recompute the dashboard's summary table from the source tables.

The services keep it current; this is for after a bulk import by SQL (seed_load)
or to repair it after data was changed outside the application.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from reports.facts import rebuild_participation


class Command(BaseCommand):
    help = "Recompute the participation facts behind the reports dashboard."

    def handle(self, *args, **options):
        started = time.monotonic()
        with transaction.atomic():
            count = rebuild_participation()
        seconds = time.monotonic() - started
        self.stdout.write(f"{count} participation facts written in {seconds:.1f} s.")
