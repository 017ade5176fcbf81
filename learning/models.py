"""The task workers' heartbeats: how a task whose worker died is noticed."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running task worker writes its row every few seconds (learning.worker).

    A task still marked running whose worker has not beaten for
    TASK_WORKER_LEASE_SECONDS was lost with that worker and is queued again.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
