"""Booking, cancelling, changing sessions and taking attendance.

Capacity is held by the database, not a form: every booking and cancellation
locks the session's row (``select_for_update``) first, so concurrent requests
for one session queue up and each counts the seats its predecessors took.
Emails leave with ``transaction.on_commit``.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment

from . import notifications
from .models import (
    ATTENDED,
    Attendance,
    AttendanceRule,
    AttendanceStatus,
    Booking,
    BookingStatus,
    CalendarFeed,
    LiveSession,
)

ACTIVE = (BookingStatus.BOOKED, BookingStatus.WAITING)


class BookingError(Exception):
    """A booking or cancellation refused, with a message for the learner."""


def may_book(user, session: LiveSession) -> bool:
    """Group sessions are for the group's members; others for any learner."""
    if not user.is_authenticated or not user.is_active:
        return False
    if session.group_id is None:
        return True
    return (
        Enrollment.objects.current()
        .filter(user=user, group_id=session.group_id)
        .exists()
    )


def _locked(session: LiveSession) -> LiveSession:
    return LiveSession.objects.select_for_update().get(pk=session.pk)


def book(user, session: LiveSession, *, by=None) -> Booking:
    """A seat if one is free, else the end of the waiting list.

    Idempotent: booking again while booked or waiting changes nothing. A staff
    member (``by``) may book outside the booking window.
    """
    with transaction.atomic():
        session = _locked(session)
        if by is None:
            if not may_book(user, session):
                raise BookingError(_("This session is only for its workshop group."))
            if not session.is_open_for_booking():
                raise BookingError(_("Booking for this session is closed."))
        elif session.is_cancelled:
            raise BookingError(_("This session has been cancelled."))
        booking = Booking.objects.filter(session=session, user=user).first()
        if booking is not None and booking.status in ACTIVE:
            return booking
        booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
        if booked < session.capacity:
            status, position = BookingStatus.BOOKED, None
        else:
            last = session.bookings.filter(status=BookingStatus.WAITING).aggregate(
                last=Max("position")
            )["last"]
            status, position = BookingStatus.WAITING, (last or 0) + 1
        if booking is None:
            booking = Booking(session=session, user=user)
        else:
            booking.revision += 1
        booking.status, booking.position, booking.booked_by = status, position, by
        booking.save()
        booking.session = session
        notifications.booking_changed(booking)
        return booking


def cancel(user, session: LiveSession, *, by=None) -> Booking | None:
    """Give up a seat (or a waiting-list place); the first waiting moves up.

    Learners may cancel a seat until the cancellation deadline; a staff member
    (``by``) at any time. Cancelling what is not booked changes nothing.
    """
    with transaction.atomic():
        session = _locked(session)
        booking = (
            Booking.objects.select_for_update()
            .filter(session=session, user=user)
            .first()
        )
        if booking is None or booking.status not in ACTIVE:
            return booking
        was_booked = booking.status == BookingStatus.BOOKED
        if was_booked and by is None and timezone.now() >= session.last_cancellation:
            raise BookingError(
                _("The cancellation deadline has passed. Please contact the trainer.")
            )
        booking.status, booking.position = BookingStatus.CANCELLED, None
        booking.revision += 1
        booking.save()
        booking.session = session
        notifications.booking_changed(booking)
        if was_booked:
            _promote(session)
        return booking


def _promote(session: LiveSession) -> Booking | None:
    """The first on the waiting list takes the free seat and is told so."""
    booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
    if booked >= session.capacity:
        return None
    first = (
        session.bookings.select_for_update()
        .filter(status=BookingStatus.WAITING)
        .order_by("position", "created_at")
        .first()
    )
    if first is None:
        return None
    first.status, first.position = BookingStatus.BOOKED, None
    first.revision += 1
    first.save()
    first.session = session
    notifications.booking_changed(first, promoted=True)
    return first


def waiting_number(booking: Booking) -> int | None:
    """1 for the first on the waiting list."""
    if booking.status != BookingStatus.WAITING:
        return None
    return (
        booking.session.bookings.filter(
            status=BookingStatus.WAITING, position__lt=booking.position
        ).count()
        + 1
    )


def session_changed(session: LiveSession) -> LiveSession:
    """After an edit participants must hear about: raise the iCalendar
    SEQUENCE and send everyone booked the updated event (or its cancellation).
    Seats freed by a larger capacity go to the waiting list."""
    with transaction.atomic():
        session = _locked(session)
        session.sequence += 1
        session.save(update_fields=["sequence", "updated_at"])
        for booking in session.bookings.filter(status=BookingStatus.BOOKED):
            booking.session = session
            notifications.session_changed(booking)
        if not session.is_cancelled:
            while _promote(session) is not None:
                pass
        return session


def record_attendance(
    session: LiveSession, user, status: str, note: str = "", *, by=None
) -> Attendance:
    """One row per (session, person); recording again overwrites it."""
    if status not in AttendanceStatus.values:
        raise ValueError(status)
    with transaction.atomic():
        attendance, _created = Attendance.objects.update_or_create(
            session=session,
            user=user,
            defaults={"status": status, "note": note.strip()[:500], "recorded_by": by},
        )
        if status in ATTENDED:
            from .xapi import record_attended

            record_attended(user, session)
            _settle_attendance_modules(user, session)
    return attendance


def _settle_attendance_modules(user, session: LiveSession) -> None:
    """Modules whose condition is attendance may now be complete."""
    from courses import services as course_services
    from courses.models import ModulePage

    enrolled = (
        Enrollment.objects.current()
        .filter(user=user, course_key=session.course.translation_key)
        .exists()
    )
    if not enrolled:
        return
    modules = ModulePage.objects.filter(
        translation_key__in=AttendanceRule.objects.values("module__translation_key"),
        path__startswith=session.course.path,
        depth=session.course.depth + 1,
    )
    for module in modules:
        course_services.record_changed(user, module)


def feed_for(user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def revoke_feed(user) -> CalendarFeed:
    """A new secret: the old URL stops working at once."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user)


def release_seat(user, session: LiveSession) -> None:
    """Erasure: the seat goes to the next waiting, the erased person hears nothing."""
    with transaction.atomic():
        session = _locked(session)
        Booking.objects.filter(session=session, user=user).delete()
        _promote(session)
