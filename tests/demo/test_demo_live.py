"""The demo has live sessions: one held with attendance, two to come."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from live.models import Attendance, Booking, BookingStatus, LiveSession

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_held_and_coming_sessions_once():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    sessions = LiveSession.objects.order_by("starts_at")
    assert sessions.count() == 3
    held, coming, online = sessions
    assert held.ends_at < timezone.now() < coming.starts_at
    assert online.format == "online" and online.online_url
    lea = "lernende@example.org"
    assert Attendance.objects.get(session=held).user.email == lea
    booked = Booking.objects.filter(status=BookingStatus.BOOKED, user__email=lea)
    assert set(booked.values_list("session", flat=True)) == {held.pk, coming.pk}
