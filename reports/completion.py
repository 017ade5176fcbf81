"""The participation facts follow every enrolment change: a step in courses.pipeline.

The one mechanism that refreshes facts: the pipeline collects the enrolments a
change touched (a quiz graded, a module and course completed, a certificate
issued) and runs this step once at its end, inside the same transaction. Saves
outside the services (admin edits) reach it through reports.signals.
"""

from courses.pipeline import Event, register_step

from .facts import refresh_participation


@register_step(
    Event.ENROLMENTS_CHANGED, "reports: refresh the participation facts", order=100
)
def refresh_facts(change) -> None:
    refresh_participation(change.enrollment_ids)
