"""The sessions admin: each trainer sees and edits only their team's sessions;
an edit participants must know about sends them the updated event."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from live import services
from live.models import AttendanceRule
from tests.factories import UserFactory, make_course, make_team

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(course):
    other_course = make_course(course.get_parent(), "Kurs B", modules=1)
    trainer = UserFactory(role="trainer", last_name="Andere")
    make_team(other_course, trainer)
    return trainer, other_course


def test_the_listing_shows_only_the_teams_sessions(client, course, trainer, other):
    _other_trainer, other_course = other
    mine = make_session(course, title="Unser Workshop")
    theirs = make_session(other_course, title="Fremder Workshop")
    client.force_login(trainer)

    page = client.get(reverse("live_sessions:index")).content.decode()

    assert mine.title in page
    assert theirs.title not in page
    edit = reverse("live_sessions:edit", args=[theirs.pk])
    assert client.get(edit).status_code in (302, 403, 404)
    assert client.get(reverse("live_sessions:edit", args=[mine.pk])).status_code == 200


def test_a_learner_gets_no_admin(client, session, learner):
    client.force_login(learner)
    response = client.get(reverse("live_sessions:index"))
    assert response.status_code in (302, 403)


def test_moving_a_session_emails_the_booked_an_update(
    client, course, trainer, learner, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    session = make_session(course, starts_at=start)
    services.book(learner, session)
    mail.outbox.clear()
    client.force_login(trainer)
    later = timezone.localtime(start + timedelta(days=1))
    data = {
        "course": course.pk,
        "title": session.title,
        "format": "in_person",
        "series": "",
        "starts_at": later.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (later + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
        "place": session.place,
        "address": session.address,
        "accessibility_notes": "",
        "online_url": "",
        "capacity": 20,
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("live_sessions:edit", args=[session.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.sequence == 1
    (message,) = mail.outbox
    assert message.to == [learner.email]
    part = next(c for c, m in message.alternatives if "calendar" in m)
    assert Calendar.from_ical(part).events[0]["SEQUENCE"] == 1


def test_attendance_conditions_only_on_the_teams_modules(
    client, course, trainer, other
):
    _other_trainer, other_course = other
    theirs = other_course.get_modules().get()
    client.force_login(trainer)

    form = client.get(reverse("live_attendance_rules:add")).context["form"]

    module_choices = set(form.fields["module"].queryset.values_list("pk", flat=True))
    assert course.get_modules().get().pk in module_choices
    assert theirs.pk not in module_choices
    response = client.post(
        reverse("live_attendance_rules:add"),
        {"module": theirs.pk, "minimum_sessions": 1, "minimum_hours": "0"},
    )
    assert response.status_code == 200
    assert not AttendanceRule.objects.exists()
