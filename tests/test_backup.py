"""A backup restores into a fresh database with the same records and files."""

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

CHECKED_TABLES = ["accounts_user", "accounts_organisation"]


def _fresh_database_url() -> tuple[str, Callable[[], None]]:
    if connection.vendor == "sqlite":
        path = Path(f"/tmp/iq-restore-{uuid.uuid4().hex}.sqlite3")  # noqa: S108
        return f"sqlite://{path}", lambda: path.unlink(missing_ok=True)
    params = connection.settings_dict
    name = f"iq_restore_{uuid.uuid4().hex[:8]}"
    admin = f"postgresql://{params['USER']}@{params['HOST']}:{params['PORT']}/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return admin.rsplit("/", 1)[0] + f"/{name}", drop


def _rows(database_url: str, table: str) -> list:
    query = f"SELECT * FROM {table} ORDER BY id"  # noqa: S608 - fixed table names
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as conn:
            return [tuple(row) for row in conn.execute(query)]
    with psycopg.connect(database_url) as conn:
        return [tuple(row) for row in conn.execute(query)]


def _current_rows(table: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
        return [tuple(row) for row in cursor.fetchall()]


def test_backup_restores_into_a_fresh_database_with_the_same_records(
    tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    for _ in range(3):
        UserFactory(role="learner")
    default_storage.save("certificates/example.pdf", ContentFile(b"%PDF-1.7 test"))
    expected = {table: _current_rows(table) for table in CHECKED_TABLES}
    database_url, drop = _fresh_database_url()
    try:
        call_command("backup", output=tmp_path / "backups")
        (folder,) = (tmp_path / "backups").iterdir()
        call_command(
            "restore",
            input=folder,
            database_url=database_url,
            media_root=tmp_path / "restored-media",
        )

        for table, rows in expected.items():
            restored = _rows(database_url, table)
            assert len(restored) == len(rows)
            assert [row[0] for row in restored] == [row[0] for row in rows]
        restored_file = tmp_path / "restored-media" / "certificates" / "example.pdf"
        assert restored_file.read_bytes() == b"%PDF-1.7 test"
    finally:
        drop()
