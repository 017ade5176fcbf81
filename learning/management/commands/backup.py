from pathlib import Path

from django.core.management.base import BaseCommand

from learning.backup import backup


class Command(BaseCommand):
    help = (
        "Backs up the database and the media files into a timestamped folder "
        "readable by its owner only, optionally encrypted to a GnuPG key."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path)
        parser.add_argument(
            "--encrypt-to",
            default=None,
            help="GnuPG key (fingerprint or address) to encrypt the files to "
            "(default: BACKUP_GPG_RECIPIENT; unset means unencrypted).",
        )

    def handle(self, *args, output: Path, encrypt_to: str | None, **options):
        target = backup(output, encrypt_to=encrypt_to)
        self.stdout.write(f"Backup written to {target}")
