"""A task worker that survives: heartbeats, lost tasks re-queued, reconnects.

django-tasks-db (0.13) has no lease: a task whose worker is killed stays
"running" forever, and the worker exits on the first database error other
than a lock. This worker

- writes a heartbeat row from a side thread every TASK_WORKER_HEARTBEAT_SECONDS;
- before each claim, re-queues running tasks whose worker has not beaten for
  TASK_WORKER_LEASE_SECONDS (every task is idempotent), or marks them failed
  with the reason in the traceback field after TASK_MAX_ATTEMPTS tries;
- after a lost database connection closes it, waits and tries again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)
LOST_REASON = "learning.worker.WorkerLost"


def heartbeat_seconds() -> float:
    return float(getattr(settings, "TASK_WORKER_HEARTBEAT_SECONDS", 5))


def lease_seconds() -> float:
    return float(getattr(settings, "TASK_WORKER_LEASE_SECONDS", 60))


def max_attempts() -> int:
    return int(getattr(settings, "TASK_MAX_ATTEMPTS", 3))


def requeue_lost_tasks(now=None) -> dict[str, int]:
    """Running tasks whose worker stopped beating: queued again, or failed.

    A worker that has no heartbeat row at all counts as lost once the task has
    run longer than the lease (a worker started before heartbeats existed).
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_seconds())
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gt=cutoff).values_list(
            "worker_id", flat=True
        )
    )
    counts = {"requeued": 0, "failed": 0}
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for result in running:
            worker = result.worker_ids[-1] if result.worker_ids else ""
            if worker in alive or (result.started_at and result.started_at > cutoff):
                continue
            attempts = len(result.worker_ids)
            if attempts < max_attempts():
                result.status = "READY"
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
                logger.warning(
                    "Task %s (%s) lost with worker %s; queued again (attempt %d of %d)",
                    result.id,
                    result.task_path,
                    worker,
                    attempts + 1,
                    max_attempts(),
                )
            else:
                result.status = "FAILED"
                result.finished_at = now
                result.exception_class_path = LOST_REASON
                result.traceback = (
                    f"The worker {worker} stopped responding while it ran this "
                    f"task ({attempts} attempts); it is not tried again."
                )
                result.save(
                    update_fields=[
                        "status",
                        "finished_at",
                        "exception_class_path",
                        "traceback",
                    ]
                )
                counts["failed"] += 1
                logger.error("Task %s failed: %s", result.id, result.traceback)
    WorkerHeartbeat.objects.filter(seen_at__lte=cutoff).delete()
    return counts


class Heartbeat(threading.Thread):
    """Writes the worker's row on its own connection, whatever the task does."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.started_at = timezone.now()

    def beat(self) -> None:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": self.started_at,
                "seen_at": timezone.now(),
            },
        )

    def run(self) -> None:
        last_sweep = 0.0
        while not self.stopped.is_set():
            try:
                self.beat()
                # Any live worker takes back the tasks of dead ones.
                if time.monotonic() - last_sweep >= lease_seconds() / 2:
                    requeue_lost_tasks()
                    last_sweep = time.monotonic()
            except (OperationalError, InterfaceError):
                logger.warning("Heartbeat of %s not written; retrying", self.worker_id)
                SurvivingWorker.close_connection()
            self.stopped.wait(heartbeat_seconds())
        with contextlib.suppress(OperationalError, InterfaceError):
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        SurvivingWorker.close_connection()


class SurvivingWorker(Worker):
    """django-tasks-db's worker with a lease and reconnection (see module)."""

    reconnect_delay = 1.0
    max_reconnect_delay = 30.0

    current_task_id = None

    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        delay = self.reconnect_delay
        try:
            while self.running:
                try:
                    self._give_back_interrupted_task()
                    super().run()
                    return  # batch mode or max tasks reached
                except (OperationalError, InterfaceError) as error:
                    if is_locked_database_exception(error):
                        continue
                    logger.warning(
                        "Database unavailable (%s); reconnecting in %.0f s",
                        error,
                        delay,
                    )
                    self.close_connection()
                    time.sleep(delay)
                    delay = min(delay * 2, self.max_reconnect_delay)
        finally:
            heartbeat.stopped.set()
            heartbeat.join(timeout=heartbeat_seconds() + 5)

    def run_task(self, db_task_result) -> None:
        self.current_task_id = db_task_result.id
        super().run_task(db_task_result)
        self.current_task_id = None
        close_old_connections()

    def _give_back_interrupted_task(self) -> None:
        """A task cut off by a lost connection is queued again (it is idempotent)."""
        if self.current_task_id is None:
            return
        DBTaskResult.objects.filter(pk=self.current_task_id, status="RUNNING").update(
            status="READY", started_at=None
        )
        logger.warning("Task %s interrupted; queued again", self.current_task_id)
        self.current_task_id = None

    @staticmethod
    def close_connection() -> None:
        """Drop this thread's connection, even when closing it fails."""
        try:
            connection.close()
        except (OperationalError, InterfaceError):
            connection.connection = None
