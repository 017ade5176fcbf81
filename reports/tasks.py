"""Background work of the reports app."""

from django_tasks import task

from . import services
from .facts import refresh_participation, stale_passed_facts


@task()
def build_export(job_id: int) -> None:
    """Write a large export file (runs in the task worker)."""
    services.purge_expired_exports()
    services.run_export_job(job_id)


@task()
def refresh_module_facts(module_key: str) -> int:
    """A module was published, perhaps with another completion rule.

    Whether an enrolment "passed a quiz" depends on the rules of the modules it
    completed; only the facts that now disagree are refreshed.
    """
    return refresh_participation(stale_passed_facts(module_key))
