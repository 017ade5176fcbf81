from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from learning.backup import restore


class Command(BaseCommand):
    help = (
        "Restores a backup folder into an empty database (--database-url) and the "
        "media folder. Create the empty database first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, type=Path)
        parser.add_argument("--database-url", required=True)
        parser.add_argument("--media-root", type=Path, default=None)
        parser.add_argument(
            "--private-media-root",
            type=Path,
            default=None,
            help="Where certificate PDFs, packages and exports go "
            "(default: <media root>-private).",
        )

    def handle(
        self,
        *args,
        input: Path,
        database_url: str,
        media_root,
        private_media_root,
        **options,
    ):
        restore(
            input,
            database_url=database_url,
            media_root=media_root or Path(settings.MEDIA_ROOT),
            private_media_root=private_media_root,
        )
        self.stdout.write(f"Restored {input}")
