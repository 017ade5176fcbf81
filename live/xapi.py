"""xAPI "attended" statements for live sessions, through the platform's
statement store and LRS backlog (content_packages.xapi), so coordinators'
learning record stores see workshops next to online modules."""

from __future__ import annotations

import uuid

from django.utils import timezone

from content_packages import conf, xapi
from content_packages.models import StatementSource
from courses.models import Enrollment

from .models import LiveSession

MEETING = "http://adlnet.gov/expapi/activities/meeting"
# One statement per person and session: recording the list again sends nothing new.
ATTENDED_NAMESPACE = uuid.UUID("0b6f4a52-7d1e-4c3b-9f2a-5e8d1c7a3b90")


def session_activity_id(session: LiveSession) -> str:
    return f"{conf.site_url()}/xapi/activities/live-session/{session.pk}"


def record_attended(user, session: LiveSession):
    """Store (once) and queue the statement that `user` attended `session`."""
    course = session.course
    enrollment = (
        Enrollment.objects.current()
        .filter(user=user, course_key=course.translation_key)
        .first()
    )
    return xapi.record_statement(
        user=user,
        verb_name="attended",
        object_id=session_activity_id(session),
        object_name=session.title,
        activity_type=MEETING,
        # No own source yet (a new choice needs a content_packages migration).
        source=StatementSource.MODULE,
        result={"completion": True},
        enrollment=enrollment,
        parent_ids=[
            f"{conf.site_url()}/xapi/activities/course/{course.translation_key}"
        ],
        timestamp=min(session.starts_at, timezone.now()),
        statement_id=uuid.uuid5(ATTENDED_NAMESPACE, f"{session.pk}:{user.pk}"),
        language=xapi.content_language(course),
    )
