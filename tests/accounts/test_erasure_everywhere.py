"""Deleting an account leaves the person's name, address and words nowhere.

A learner with a full history (enrolment, progress, reflection, quiz attempt,
certificate with its PDF and email, ESF+ answers, xAPI statements, a staff
export listing them, audit entries about them, task rows in the real database
queue) deletes the account; then every table of the database is read in full
and every file below the media folders is opened.
"""

import io
import json
import pickle
import re
import zipfile
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from accounts.gdpr import erase_account
from accounts.models import OutgoingEmail, User
from accounts.services import record_access
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

NAME = ("Zacharias", "Quellenwald")
EMAIL = "zq-erasure-marker@example.org"
MARKER = "PRIVATE-REFLECTION-TEXT"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _forms(needle: str) -> set[str]:
    """The needle as plain text and as JSON stores it (non-ASCII escaped)."""
    return {needle.lower(), json.dumps(needle)[1:-1].lower()}


def _patterns(needles: list[str]) -> list[re.Pattern]:
    return [
        re.compile(re.escape(form) + r"(?!\d)")
        for needle in needles
        for form in _forms(needle)
    ]


def _text(value) -> str:
    if isinstance(value, memoryview | bytes):
        return bytes(value).decode("utf-8", "ignore")
    return str(value)


def _database_text() -> dict[str, str]:
    """Every row of every table (also those without a model), as lower-case text."""
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names
            rows = cursor.fetchall()
            tables[table] = "\n".join(
                " | ".join(_text(value) for value in row) for row in rows
            ).lower()
    return tables


def _file_text(path: Path) -> str:
    data = path.read_bytes()
    texts = [path.name, data.decode("utf-8", "ignore")]
    if zipfile.is_zipfile(io.BytesIO(data)):  # ZIP archives, XLSX workbooks
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                texts.append(member)
                texts.append(archive.read(member).decode("utf-8", "ignore"))
    return "\n".join(texts).lower()


def _media_text() -> dict[str, str]:
    from certificates.models import private_media_root

    files = {}
    for root in {Path(settings.MEDIA_ROOT), Path(private_media_root())}:
        if root.exists():
            for path in root.rglob("*"):
                if path.is_file():
                    files[str(path)] = _file_text(path)
    return files


def _cache_text() -> str:
    """The local-memory cache of the tests (Redis in production), unpickled."""
    store = getattr(cache, "_cache", {})
    return "\n".join(
        repr(pickle.loads(value))  # noqa: S301 - our own cache
        for value in store.values()
    ).lower()


def _places_naming(needles: list[str]) -> list[str]:
    patterns = _patterns(needles)
    found = []
    for where, text in {
        **{f"table {t}": text for t, text in _database_text().items()},
        **{f"file {f}": text for f, text in _media_text().items()},
        "cache": _cache_text(),
    }.items():
        found += [f"{where}: {p.pattern}" for p in patterns if p.search(text)]
    return found


def _run_queued_tasks() -> None:
    """What db_worker does with each queued row (in this test's transaction)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="erasure-test",
        excluded_queue_names=[],
    )
    while row := DBTaskResult.objects.ready().first():
        row.claim(worker.worker_id)
        worker.run_task(row)


def _history(settings, django_capture_on_commit_callbacks):
    world = build_world()
    learner = world.users["learner"]
    old_identity = [learner.email, learner.get_full_name()]
    EmailAddress.objects.filter(user=learner).update(email=EMAIL)
    User.objects.filter(pk=learner.pk).update(
        first_name=NAME[0], last_name=NAME[1], email=EMAIL
    )
    learner.refresh_from_db()

    from accounts.tasks import send_email_task
    from certificates import services as certificate_services
    from certificates.tasks import render_certificate_pdf_task
    from content_packages.xapi import record_module_completed
    from courses.models import Enrollment
    from reports import services as report_services

    settings.TASKS = DATABASE_TASKS
    coordinator = world.users["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        certificate = world.certificate
        certificate_services.notify_learner(certificate)
        render_certificate_pdf_task.enqueue(certificate.pk)
        # A message queued before task arguments became ids only.
        send_email_task.enqueue(
            subject=f"Hallo {learner.get_full_name()}",
            body="…",
            from_email="lernen@example.org",
            to=[EMAIL],
            alternatives=[],
            language="de",
        )
        report_services.save_participant_indicators(
            learner,
            gender="female",
            age_band="25_54",
            employment_status="unemployed",
            isced_band="isced_3_4",
        )
        enrollment = Enrollment.objects.get(user=learner, course=world.course)
        record_module_completed(learner, world.lesson, enrollment)
        export = report_services.request_export(
            world.users["admin"],
            report="people",
            export_format="csv",
            filters={},
            total_rows=2,
        )
        record_access(
            coordinator,
            what="reports.people",
            subjects=[learner],
            detail={"search": learner.get_full_name()},
        )
        record_access(coordinator, what="reports.learner", subject=learner)
    _run_queued_tasks()
    return world, learner, certificate, export, old_identity


def test_an_erased_learner_is_named_nowhere_in_the_database_files_or_cache(
    settings, django_capture_on_commit_callbacks, client, tmp_path
):
    from certificates.models import Certificate
    from reports.models import ExportJob, ExportStatus
    from reports.queries import participation_dashboard

    world, learner, certificate, export, old_identity = _history(
        settings, django_capture_on_commit_callbacks
    )
    needles = [EMAIL, f"{NAME[0]} {NAME[1]}", NAME[1], MARKER, *old_identity]
    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    assert OutgoingEmail.objects.filter(recipient=learner).exists()
    before = _places_naming(needles)
    # The history really holds the person in the queue, the export and the mail.
    assert any("django_tasks_database" in place for place in before), before
    assert any(place.startswith("file ") for place in before), before
    assert any("outgoingemail" in place for place in before), before
    admin = world.users["admin"]
    totals_before = participation_dashboard(admin, None).totals

    erase_account(learner, reason="test")

    assert _places_naming(needles) == []
    # Statistics still count the person; the certificate still verifies.
    assert participation_dashboard(admin, None).totals == totals_before
    code = Certificate.objects.get(pk=certificate.pk).display_code
    page = client.get(f"/verify/{code}/")
    assert page.status_code == 200
    assert code in page.content.decode()
    # The export that listed the person is withdrawn with a note to its owner.
    export.refresh_from_db()
    assert export.status == ExportStatus.WITHDRAWN
    assert export.note and not export.file
    assert ExportJob.objects.filter(pk=export.pk).exists()
