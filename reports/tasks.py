"""Background work of the reports app."""

from django_tasks import task

from . import services


@task()
def build_export(job_id: int) -> None:
    """Write a large export file (runs in the task worker)."""
    services.purge_expired_exports()
    services.run_export_job(job_id)
