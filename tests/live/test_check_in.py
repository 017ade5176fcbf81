"""Self check-in: the code of this minute works during the session, an old one not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from live import checkin, services
from live.models import Attendance, AttendanceStatus

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(course):
    start = timezone.now() - timedelta(minutes=5)
    return make_session(course, starts_at=start, ends_at=start + timedelta(hours=2))


def booked_in(session, learner):
    # Booking closes at the start; the trainer books the learner in.
    services.book(learner, session, by=learner)


def test_current_code_checks_in_a_booked_learner(client, running, learner, trainer):
    booked_in(running, learner)
    client.force_login(trainer)
    room = client.get(reverse("live:room_code", args=[running.pk]))
    code = room.context["code"]
    assert "<svg" in room.content.decode()

    client.force_login(learner)
    url = reverse("live:check_in", args=[running.pk, code])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200

    assert Attendance.objects.get(user=learner).status == AttendanceStatus.PRESENT


def test_a_code_from_two_minutes_ago_is_refused(client, running, learner):
    booked_in(running, learner)
    old = checkin.code_for(running, int(timezone.now().timestamp() // 60) - 2)
    client.force_login(learner)

    response = client.post(reverse("live:check_in", args=[running.pk, old]))

    assert response.status_code == 403
    assert "nicht mehr gültig" in response.content.decode()
    assert not Attendance.objects.exists()


def test_no_code_works_before_or_after_the_session(course):
    start = timezone.now() + timedelta(hours=1)
    later = make_session(course, starts_at=start)
    assert checkin.current_code(later) is None
    now = timezone.now()
    code = checkin.code_for(later, int(now.timestamp() // 60))
    assert not checkin.is_valid(later, code)
    during = start + timedelta(minutes=30)
    assert checkin.is_valid(later, checkin.current_code(later, during), during)
    after = later.ends_at + timedelta(minutes=1)
    assert not checkin.is_valid(later, checkin.code_for(later, 0), after)


def test_codes_differ_per_session_and_minute(course, running):
    other = make_session(course, starts_at=running.starts_at)
    minute = int(timezone.now().timestamp() // 60)
    codes = {
        checkin.code_for(running, minute),
        checkin.code_for(running, minute + 1),
        checkin.code_for(other, minute),
    }
    assert len(codes) == 3


def test_someone_not_booked_is_not_checked_in(client, running, learner):
    client.force_login(learner)
    code = checkin.current_code(running)

    response = client.post(reverse("live:check_in", args=[running.pk, code]))

    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_a_learner_cannot_open_the_room_code(client, running, learner):
    client.force_login(learner)
    assert client.get(reverse("live:room_code", args=[running.pk])).status_code == 404
