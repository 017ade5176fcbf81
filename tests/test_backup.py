"""A backup restores into a fresh database with the same records and files."""

import json
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


def _certificate_and_attempts():
    """A learner who passed a quiz and holds a certificate, made by the services."""
    from certificates.models import Certificate, CertificateTemplate
    from courses import services as course_services
    from demo.pages import create_site_pages
    from quizzes.models import QuizPage
    from quizzes.services import start_or_resume_attempt, submit_attempt
    from tests.factories import make_course, make_course_index
    from tests.quizzes.conftest import correct_answers, single_choice, wrong_answers

    home = create_site_pages()  # also the collection root a template lives below
    template = CertificateTemplate.objects.create(
        title="Teilnahmebescheinigung", body="{learner_name}: {course_title}"
    )
    course = make_course(make_course_index(home), modules=1)
    course.certificate_template = template
    course.save_revision().publish()
    module = course.get_modules().first().specific
    quiz = module.add_child(
        instance=QuizPage(
            title="Quiz", slug="quiz", questions=[single_choice()], max_attempts=3
        )
    )
    quiz.save_revision().publish()
    learner = UserFactory(role="learner")
    course_services.enrol(learner, course)
    for answers in (wrong_answers, correct_answers):
        attempt = start_or_resume_attempt(learner, quiz)
        submit_attempt(attempt, learner, answers(attempt))
    course_services.complete_module(learner, module)
    return Certificate.objects.get(user=learner)


# Columns compared as text: the two database drivers agree on these.
COMPARED = {
    "certificates_certificate": "id, uuid, code, user_id, snapshot, revoked_at",
    "quizzes_attempt": "id, public_id, user_id, quiz_id, number, status, passed",
    "quizzes_attemptanswer": "id, attempt_id, question_id, is_correct",
}


def _select(table: str, database_url: str | None = None) -> list:
    query = f"SELECT {COMPARED[table]} FROM {table} ORDER BY id"  # noqa: S608
    if database_url is None:
        with connection.cursor() as cursor:
            cursor.execute(query)
            rows = cursor.fetchall()
    elif database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as conn:
            rows = list(conn.execute(query))
    else:
        with psycopg.connect(database_url) as conn:
            rows = list(conn.execute(query))
    return [tuple(_text(value) for value in row) for row in rows]


def _text(value) -> str:
    """One spelling per value whichever driver read it (UUIDs, booleans, JSON)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, str) and value[:1] in "{[":
        return json.dumps(json.loads(value), sort_keys=True)
    return str(value)


def test_restored_database_has_the_same_certificates_and_attempts(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    certificate = _certificate_and_attempts()
    expected = {table: _select(table) for table in COMPARED}
    assert len(expected["quizzes_attempt"]) == 2
    assert len(expected["certificates_certificate"]) == 1
    database_url, drop = _fresh_database_url()
    try:
        call_command("backup", output=tmp_path / "backups")
        (folder,) = (tmp_path / "backups").iterdir()
        call_command(
            "restore",
            input=folder,
            database_url=database_url,
            media_root=tmp_path / "restored-media",
            private_media_root=tmp_path / "restored-private",
        )
        for table, rows in expected.items():
            assert _select(table, database_url) == rows, table
        assert certificate.code in expected["certificates_certificate"][0]
        # The PDF lives outside MEDIA_ROOT and comes back too.
        certificate.refresh_from_db()
        assert certificate.pdf
        restored_pdf = (
            tmp_path / "restored-private" / "certificates" / certificate.pdf.name
        )
        assert restored_pdf.read_bytes()[:5] == b"%PDF-"
    finally:
        drop()
