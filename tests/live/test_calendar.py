"""The .ics files and the feed, parsed with icalendar: times, UID, SEQUENCE."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from live import ics, services
from live.models import Booking

from .conftest import berlin, make_session

pytestmark = pytest.mark.django_db


def event_of(content) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(content)
    (event,) = calendar.events
    return calendar, event


@pytest.mark.parametrize(
    ("start", "utc_hour"),
    [
        # The last Saturday of summer time and the Monday after the change.
        (berlin(2027, 10, 30, 9, 30), 7),
        (berlin(2027, 11, 1, 9, 30), 8),
        # Before and after the spring change.
        (berlin(2027, 3, 27, 9, 30), 8),
        (berlin(2027, 3, 29, 9, 30), 7),
    ],
)
def test_times_are_berlin_wall_clock_across_daylight_saving(
    course, learner, start, utc_hour
):
    session = make_session(course, starts_at=start, ends_at=start + timedelta(hours=8))
    booking = services.book(learner, session)

    calendar, event = event_of(ics.booking_calendar(booking))

    starts = event.decoded("DTSTART")
    assert str(starts.tzinfo) == "Europe/Berlin"
    assert (starts.hour, starts.minute) == (9, 30)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert starts.astimezone(UTC).hour == utc_hour
    assert event.decoded("DTEND") - starts == timedelta(hours=8)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_a_change_keeps_the_uid_raises_the_sequence_and_is_emailed(
    course, learner, django_capture_on_commit_callbacks
):
    session = make_session(course, starts_at=berlin(2027, 10, 30, 9, 0))
    booking = services.book(learner, session)
    _cal, before = event_of(ics.booking_calendar(booking))

    session.starts_at = berlin(2027, 11, 1, 9, 0)
    session.ends_at = berlin(2027, 11, 1, 12, 0)
    session.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_changed(session)

    (message,) = mail.outbox
    part = next(c for c, mimetype in message.alternatives if "calendar" in mimetype)
    calendar, after = event_of(part)
    assert calendar["METHOD"] == "REQUEST"
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("DTSTART").day == 1


def test_cancelling_sends_cancel_with_the_same_uid_and_a_higher_sequence(
    session, learner
):
    booking = services.book(learner, session)
    _cal, booked = event_of(ics.booking_calendar(booking))

    services.cancel(learner, session)
    calendar, cancelled = event_of(
        ics.booking_calendar(Booking.objects.get(pk=booking.pk))
    )

    assert calendar["METHOD"] == "CANCEL"
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["UID"] == booked["UID"]
    assert cancelled["SEQUENCE"] > booked["SEQUENCE"]


def test_a_cancelled_session_is_cancelled_for_everyone_booked(
    course, learner, django_capture_on_commit_callbacks
):
    session = make_session(course)
    services.book(learner, session)
    session.is_cancelled = True
    session.save()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.session_changed(session)

    part = next(
        c for c, mimetype in mail.outbox[0].alternatives if "calendar" in mimetype
    )
    assert Calendar.from_ical(part)["METHOD"] == "CANCEL"


def test_feed_holds_every_booked_session_with_its_link(client, course, learner):
    first = make_session(course, starts_at=berlin(2027, 3, 27, 10, 0))
    second = make_session(
        course,
        starts_at=berlin(2027, 3, 29, 10, 0),
        format="online",
        online_url="https://meet.example.org/x",
    )
    services.book(learner, first)
    services.book(learner, second)
    token = services.feed_for(learner).token

    response = client.get(reverse("live:feed", args=[token]))

    calendar = Calendar.from_ical(response.content)
    assert response["Content-Type"].startswith("text/calendar")
    starts = sorted(e.decoded("DTSTART") for e in calendar.events)
    assert [(s.day, s.hour) for s in starts] == [(27, 10), (29, 10)]
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1), timedelta(hours=2)]
    assert any(
        str(e.get("URL")) == "https://meet.example.org/x" for e in calendar.events
    )
