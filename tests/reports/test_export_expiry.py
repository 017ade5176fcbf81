"""Exports expire on schedule; a deletion withdraws those that may list the person."""

import os
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.gdpr import erase_account
from reports.models import ExportJob, ExportStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _export(owner, *, age_hours: float, keep_hours: int = 24) -> ExportJob:
    created = timezone.now() - timedelta(hours=age_hours)
    job = ExportJob.objects.create(
        requested_by=owner,
        report="people",
        export_format="csv",
        status=ExportStatus.READY,
        created_at=created,
        expires_at=created + timedelta(hours=keep_hours),
    )
    job.file.save("participants.csv", ContentFile(b"email\nx@example.org\n"))
    return job


def test_the_scheduled_job_deletes_expired_exports_with_their_files(settings):
    owner = UserFactory(role="administrator")
    expired = _export(owner, age_hours=25)
    fresh = _export(owner, age_hours=1)
    expired_path = expired.file.path

    call_command("apply_retention")

    assert not ExportJob.objects.filter(pk=expired.pk).exists()
    assert not os.path.exists(expired_path)
    assert ExportJob.objects.filter(pk=fresh.pk).exists()
    assert os.path.exists(fresh.file.path)


def test_the_scheduled_job_prunes_finished_task_rows_only_after_retention(settings):
    settings.TASK_RESULTS_KEEP_DAYS = 7
    now = timezone.now()

    def row(status, finished_days_ago):
        return DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [1], "kwargs": {}},
            task_path="accounts.tasks.send_outgoing_email",
            backend_name="default",
            run_after=now,
            finished_at=now - timedelta(days=finished_days_ago)
            if finished_days_ago is not None
            else None,
        )

    old = row("SUCCESSFUL", 8)
    old_failed = row("FAILED", 8)
    recent = row("SUCCESSFUL", 1)
    waiting = row("READY", None)

    call_command("apply_retention")

    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert old.pk not in left and old_failed.pk not in left
    assert {recent.pk, waiting.pk} <= left


def test_deleting_a_person_withdraws_earlier_exports_with_a_note(client):
    owner = UserFactory(role="administrator", is_superuser=True)
    job = _export(owner, age_hours=1)
    path = job.file.path
    person = UserFactory(role="learner")

    erase_account(person)

    job.refresh_from_db()
    assert job.status == ExportStatus.WITHDRAWN
    assert not job.file and not os.path.exists(path)
    client.force_login(owner)
    page = client.get("/admin/reports/exports/").content.decode()
    assert "deleted their account" in page or "Konto gelöscht" in page
    assert client.get(f"/admin/reports/exports/{job.pk}/download/").status_code == 404
