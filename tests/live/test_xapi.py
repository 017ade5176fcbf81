"""xAPI "attended": stored once per person and session, forwarded to the LRS."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from ralph.models.xapi.base.statements import BaseXapiStatement

from content_packages import xapi
from content_packages.models import Statement
from courses.services import enrol
from live import services
from live.xapi import session_activity_id
from tests.content_packages.test_lrs_forwarding import lrs  # noqa: F401 - fixture
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db
ATTENDED = "http://adlnet.gov/expapi/verbs/attended"


def test_present_sends_one_valid_attended_statement_to_the_lrs(
    lrs,  # noqa: F811
    course,
    trainer,
    django_capture_on_commit_callbacks,
):
    lrs.accept = True
    start = timezone.now() - timedelta(hours=4)
    session = make_session(course, starts_at=start, ends_at=start + timedelta(hours=3))
    learner = UserFactory()
    enrol(learner, course)
    services.book(learner, session, by=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        services.record_attendance(session, learner, "present", by=trainer)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_attendance(session, learner, "late", by=trainer)

    (statement,) = Statement.objects.filter(user=learner, verb_id=ATTENDED)
    assert statement.object_id == session_activity_id(session)
    assert statement.forwarded_at is not None
    (sent,) = [
        r["statement"] for r in lrs.received if r["statement"]["verb"]["id"] == ATTENDED
    ]
    BaseXapiStatement.model_validate(sent)
    assert sent["actor"] == xapi.actor_for(learner)
    assert sent["object"]["definition"]["name"] == {"de": session.title}
    assert sent["context"]["registration"]


def test_excused_or_absent_sends_nothing(
    lrs,  # noqa: F811
    session,
    trainer,
    django_capture_on_commit_callbacks,
):
    lrs.accept = True
    people = [UserFactory(), UserFactory()]
    for person, status in zip(people, ("excused", "absent"), strict=True):
        services.book(person, session)
        with django_capture_on_commit_callbacks(execute=True):
            services.record_attendance(session, person, status, by=trainer)

    assert not Statement.objects.filter(verb_id=ATTENDED).exists()
    assert not lrs.received
