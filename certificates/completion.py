"""What a course completion means for certificates: a step in courses.pipeline.

Inside the completing transaction, so the certificate exists exactly when the
completion does; its PDF and email are queued on commit (services._after_issue).
"""

from courses.pipeline import Event, register_step

from .services import issue_for_completion


@register_step(Event.COURSE_COMPLETED, "certificates: issue the certificate", order=100)
def issue_certificate(change) -> None:
    issue_for_completion(change.enrollment)
