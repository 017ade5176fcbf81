"""iCalendar (RFC 5545) events of sessions: attachments and the personal feed.

Each session has one UID for good; SEQUENCE is the session's revision plus the
booking's, so an update or a cancellation replaces the event in the learner's
calendar instead of adding a second one. Times are written in Europe/Berlin with
its VTIMEZONE, so clients keep the local time across the daylight-saving change.
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Booking, LiveSession

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//IQ Lernplattform//Live trainings//DE"


def uid(session: LiveSession) -> str:
    return f"live-session-{session.uid}@iq-lernplattform"


def _calendar(method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def event(session: LiveSession, *, sequence: int, cancelled: bool, show_link: bool):
    item = Event()
    item.add("uid", uid(session))
    item.add("sequence", sequence)
    item.add("dtstamp", timezone.now())
    item.add("dtstart", timezone.localtime(session.starts_at, BERLIN))
    item.add("dtend", timezone.localtime(session.ends_at, BERLIN))
    item.add("summary", session.title)
    location = ", ".join(
        part for part in (session.place, session.address.replace("\n", ", ")) if part
    )
    if show_link and session.online_url:
        location = (
            f"{location} – {session.online_url}" if location else session.online_url
        )
        item.add("url", session.online_url)
    if location:
        item.add("location", location)
    description = [session.course.title]
    if session.accessibility_notes:
        description.append(session.accessibility_notes)
    item.add("description", "\n\n".join(description))
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return item


def booking_calendar(booking: Booking) -> bytes:
    """The attachment of a booking's email: REQUEST, or CANCEL once it ended."""
    from .models import BookingStatus

    session = booking.session
    cancelled = session.is_cancelled or booking.status != BookingStatus.BOOKED
    calendar = _calendar("CANCEL" if cancelled else "REQUEST")
    calendar.add_component(
        event(
            session,
            sequence=booking.ics_sequence,
            cancelled=cancelled,
            show_link=not cancelled,
        )
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_calendar(bookings: Iterable[Booking], name: str) -> bytes:
    """A learner's subscribed calendar: every session they hold a seat in."""
    calendar = _calendar(None)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for booking in bookings:
        calendar.add_component(
            event(
                booking.session,
                sequence=booking.ics_sequence,
                cancelled=booking.session.is_cancelled,
                show_link=True,
            )
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def feed_url(token: str) -> str:
    from django.urls import reverse

    return absolute_url(reverse("live:feed", args=[token]))
