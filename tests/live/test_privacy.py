"""Export and erasure cover bookings, attendance and the calendar feed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.gdpr import collect_personal_data, erase_account
from live import services
from live.models import Attendance, Booking, BookingStatus, CalendarFeed
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_erasure_frees_the_seat_keeps_counts_and_tells_only_the_next(
    course, learner, django_capture_on_commit_callbacks
):
    upcoming = make_session(course, capacity=1)
    start = timezone.now() - timedelta(days=1)
    past = make_session(course, starts_at=start, ends_at=start + timedelta(hours=2))
    services.book(learner, upcoming)
    waiting = UserFactory()
    services.book(waiting, upcoming)
    services.record_attendance(past, learner, "present", "kam mit Kind")
    services.feed_for(learner)
    exported = collect_personal_data(learner)["live"]
    assert [b["status"] for b in exported["bookings"]] == ["booked"]
    assert exported["attendance"][0]["note"] == "kam mit Kind"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(learner)

    assert not Booking.objects.filter(user=learner).exists()
    assert not CalendarFeed.objects.filter(user=learner).exists()
    assert Booking.objects.get(user=waiting).status == BookingStatus.BOOKED
    kept = Attendance.objects.get(session=past)
    assert (kept.user_id, kept.status, kept.note) == (learner.pk, "present", "")
    assert [m.to for m in mail.outbox] == [[waiting.email]]
