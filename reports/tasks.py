"""Background work of the reports app."""

from django_tasks import task

from courses.pipeline import enrolments_changed

from . import services
from .facts import stale_passed_facts


@task()
def build_export(job_id: int) -> None:
    """Write a large export file (runs in the task worker)."""
    services.purge_expired_exports()
    services.run_export_job(job_id)


@task()
def refresh_module_facts(module_key: str) -> int:
    """A module was published, perhaps with other completion conditions.

    Whether an enrolment "passed a quiz" depends on the rules of the modules it
    completed; only the facts that now disagree are refreshed.
    """
    stale = stale_passed_facts(module_key)
    enrolments_changed(stale)  # the pipeline's step refreshes them
    return len(stale)


@task()
def send_exit_reminder(enrollment_id: int) -> bool:
    """Remind a participant of the ESF+ exit questions (once, within four weeks)."""
    from . import esf

    return esf.send_exit_reminder(enrollment_id)
