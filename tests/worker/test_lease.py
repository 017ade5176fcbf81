"""Tasks of a dead worker are queued again, and failed with a reason in the end."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from learning.models import WorkerHeartbeat
from learning.worker import LOST_REASON, requeue_lost_tasks

pytestmark = pytest.mark.django_db


def _running(worker_ids: list[str], started_seconds_ago: float) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="certificates.tasks.render_certificate_pdf_task",
        backend_name="default",
        run_after=now,
        started_at=now - timedelta(seconds=started_seconds_ago),
        worker_ids=worker_ids,
    )


def test_a_dead_workers_task_is_queued_again_until_the_attempts_are_used_up(
    settings,
):
    settings.TASK_WORKER_LEASE_SECONDS = 30
    settings.TASK_MAX_ATTEMPTS = 3
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="alive", started_at=now, seen_at=now - timedelta(seconds=5)
    )
    WorkerHeartbeat.objects.create(
        worker_id="dead", started_at=now, seen_at=now - timedelta(seconds=300)
    )
    of_live_worker = _running(["alive"], 600)
    of_dead_worker = _running(["dead"], 600)
    just_started = _running(["unknown"], 2)
    third_loss = _running(["a", "b", "dead"], 600)

    counts = requeue_lost_tasks()

    assert counts == {"requeued": 1, "failed": 1}
    states = {
        row.pk: row for row in DBTaskResult.objects.all()
    }  # re-read from the database
    assert states[of_live_worker.pk].status == "RUNNING"
    assert states[just_started.pk].status == "RUNNING"
    assert states[of_dead_worker.pk].status == "READY"
    assert states[of_dead_worker.pk].started_at is None
    failed = states[third_loss.pk]
    assert failed.status == "FAILED"
    assert failed.exception_class_path == LOST_REASON
    assert "stopped responding" in failed.traceback
    assert not WorkerHeartbeat.objects.filter(worker_id="dead").exists()


def test_the_sweep_takes_back_lost_tasks_too(settings):
    settings.TASK_WORKER_LEASE_SECONDS = 30
    lost = _running(["gone"], 600)

    call_command("render_missing_pdfs")

    lost.refresh_from_db()
    assert lost.status == "READY"
