from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.gdpr import reapply_erasures


class Command(BaseCommand):
    help = (
        "After a restore: erases again every account in the erasure log "
        "(ERASURE_LOG_PATH, or --log) that the restored backup still holds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--log", type=Path, default=None)

    def handle(self, *args, log: Path | None, **options):
        path = log or Path(settings.ERASURE_LOG_PATH)
        with path.open(encoding="utf-8") as lines:
            erased = reapply_erasures(lines)
        self.stdout.write(f"{len(erased)} account(s) erased again.")
