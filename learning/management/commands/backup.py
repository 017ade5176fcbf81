from pathlib import Path

from django.core.management.base import BaseCommand

from learning.backup import backup


class Command(BaseCommand):
    help = "Backs up the database and the media files into a timestamped folder."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, output: Path, **options):
        target = backup(output)
        self.stdout.write(f"Backup written to {target}")
