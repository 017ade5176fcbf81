"""Backups hold everyone's data: owner-only files, optionally encrypted (GnuPG)."""

import shutil
import sqlite3
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import UserFactory
from tests.test_backup import _fresh_database_url, _rows

pytestmark = pytest.mark.django_db(transaction=True)


def _not_readable_by_others(folder: Path) -> list[str]:
    loose = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            loose.append(f"{path.name}: {oct(mode)}")
    return loose


@pytest.fixture
def operator_key(tmp_path, monkeypatch):
    """A throw-away GnuPG keyring with the operator's key pair (no passphrase)."""
    if shutil.which("gpg") is None:
        pytest.skip("GnuPG (gpg) is not installed: encrypted backups need it.")
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    address = f"backup-{uuid.uuid4().hex[:6]}@example.org"
    subprocess.run(
        ["gpg", "--batch", "--passphrase", "", "--quick-gen-key"]
        + [f"Backup Operator <{address}>", "future-default", "default", "never"],
        check=True,
        capture_output=True,
    )
    return address


def test_backup_files_are_readable_by_their_owner_only(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir(mode=0o755)
    (tmp_path / "media" / "upload.txt").write_text("x")
    UserFactory(role="learner")

    call_command("backup", output=tmp_path / "backups")

    (folder,) = (tmp_path / "backups").iterdir()
    files = sorted(p.name for p in folder.iterdir())
    assert files
    assert _not_readable_by_others(tmp_path / "backups") == []


def test_an_encrypted_backup_holds_no_plain_file_and_decrypts_with_the_key(
    tmp_path, settings, operator_key
):
    settings.MEDIA_ROOT = tmp_path / "media"
    learner = UserFactory(role="learner")

    call_command("backup", output=tmp_path / "backups", encrypt_to=operator_key)

    (folder,) = (tmp_path / "backups").iterdir()
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(name.endswith(".gpg") for name in names)
    assert _not_readable_by_others(folder) == []
    for path in folder.iterdir():
        assert learner.email.encode() not in path.read_bytes()
    database = next(p for p in folder.iterdir() if p.name.startswith("database"))
    plain = tmp_path / "decrypted"
    subprocess.run(
        ["gpg", "--batch", "--output", str(plain), "--decrypt", str(database)],
        check=True,
        capture_output=True,
    )
    if connection.vendor == "sqlite":
        with sqlite3.connect(plain) as copy:
            emails = [row[0] for row in copy.execute("SELECT email FROM accounts_user")]
        assert learner.email in emails
    else:
        assert plain.read_bytes().startswith(b"PGDMP")


def test_an_encrypted_backup_restores(tmp_path, settings, operator_key):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "upload.txt").write_text("restored")
    learner = UserFactory(role="learner")
    database_url, drop = _fresh_database_url()
    try:
        call_command("backup", output=tmp_path / "backups", encrypt_to=operator_key)
        (folder,) = (tmp_path / "backups").iterdir()
        call_command(
            "restore",
            input=folder,
            database_url=database_url,
            media_root=tmp_path / "restored-media",
        )

        users = _rows(database_url, "accounts_user")
        restored = (tmp_path / "restored-media" / "upload.txt").read_text()
    finally:
        drop()
    assert any(learner.email in row for row in users)
    assert restored == "restored"
