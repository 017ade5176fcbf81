"""The live sessions on a course page and on "My learning"."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.db.models import Count, Q

from live import ics, services
from live.models import Booking, BookingStatus, CalendarFeed, LiveSession

register = template.Library()


@dataclass
class SessionRow:
    session: LiveSession
    booking: Booking | None
    seats_left: int
    waiting_number: int | None
    may_book: bool

    @property
    def is_booked(self) -> bool:
        return self.booking is not None and self.booking.status == BookingStatus.BOOKED

    @property
    def is_waiting(self) -> bool:
        return self.booking is not None and self.booking.status == BookingStatus.WAITING

    @property
    def can_cancel(self) -> bool:
        from django.utils import timezone

        if self.is_waiting:
            return True
        return self.is_booked and timezone.now() < self.session.last_cancellation


def _rows(sessions, user) -> list[SessionRow]:
    sessions = list(
        sessions.select_related("course").annotate(
            booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED))
        )
    )
    bookings = {}
    if user.is_authenticated:
        bookings = {
            b.session_id: b
            for b in Booking.objects.filter(user=user, session__in=sessions)
        }
    rows = []
    for session in sessions:
        booking = bookings.get(session.pk)
        if booking is not None:
            booking.session = session
        rows.append(
            SessionRow(
                session=session,
                booking=booking,
                seats_left=max(session.capacity - session.booked, 0),
                waiting_number=services.waiting_number(booking) if booking else None,
                may_book=session.is_open_for_booking()
                and (user.is_authenticated and services.may_book(user, session)),
            )
        )
    return rows


@register.simple_tag
def course_sessions(course, user) -> list[SessionRow]:
    """``{% course_sessions page user as sessions %}``: the course's dates to come."""
    sessions = LiveSession.objects.upcoming().of_course(course)
    if user.is_authenticated:
        groups = user.enrollments.values("group")
        sessions = sessions.filter(Q(group__isnull=True) | Q(group__in=groups))
    else:
        sessions = sessions.filter(group__isnull=True)
    return _rows(sessions, user)


@register.simple_tag
def my_sessions(user) -> dict:
    """``{% my_sessions user as live %}`` on "My learning": booked and waiting
    dates to come, and the personal calendar feed's address if there is one."""
    sessions = LiveSession.objects.upcoming().filter(
        bookings__user=user,
        bookings__status__in=[BookingStatus.BOOKED, BookingStatus.WAITING],
    )
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "rows": _rows(sessions, user),
        "feed_url": ics.feed_url(feed.token) if feed else "",
    }
