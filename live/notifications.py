"""The emails of bookings: confirmation, waiting list, moved up, cancelled,
session changed. Each message about a seat carries the session's iCalendar
event (a ``text/calendar`` part, RFC 6047) and is sent after the commit."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks.exceptions import InvalidTaskError

from . import ics
from .models import Booking, BookingStatus


def _send(booking: Booking, subject: str, template: str, *, calendar: bool) -> None:
    from accounts import emails
    from accounts.services import send_email_later

    user = booking.user
    if not user.is_active or not user.email:
        return
    body = render_to_string(
        template,
        {"booking": booking, "session": booking.session, "user": user},
    )
    message = emails.build(subject, body, user.email, user=user)
    if calendar:
        method = "REQUEST" if booking.status == BookingStatus.BOOKED else "CANCEL"
        message.attach_alternative(
            ics.booking_calendar(booking).decode(),
            f"text/calendar; method={method}",
        )
    transaction.on_commit(lambda: send_email_later(message, recipient=user))


def _language(booking: Booking) -> str:
    return getattr(booking.user, "preferred_language", "") or settings.LANGUAGE_CODE


def booking_changed(booking: Booking, *, promoted: bool = False) -> None:
    """Tell the learner what their booking is now."""
    title = booking.session.title
    with translation.override(_language(booking)):
        if booking.status == BookingStatus.BOOKED and promoted:
            subject = _("A seat is free for you: %(title)s") % {"title": title}
            template, calendar = "live/email/promoted.txt", True
        elif booking.status == BookingStatus.BOOKED:
            subject = _("Booking confirmed: %(title)s") % {"title": title}
            template, calendar = "live/email/booked.txt", True
        elif booking.status == BookingStatus.WAITING:
            subject = _("On the waiting list: %(title)s") % {"title": title}
            template, calendar = "live/email/waiting.txt", False
        else:
            subject = _("Booking cancelled: %(title)s") % {"title": title}
            template, calendar = "live/email/cancelled.txt", True
        _send(booking, subject, template, calendar=calendar)
    if booking.status == BookingStatus.BOOKED:
        schedule_reminder(booking)


def reminder(booking: Booking) -> None:
    with translation.override(_language(booking)):
        subject = _("Reminder: %(title)s") % {"title": booking.session.title}
        _send(booking, subject, "live/email/reminder.txt", calendar=True)


def schedule_reminder(booking: Booking) -> None:
    """Queue the reminder for LIVE_REMINDER_HOURS before the start, after the
    commit. It carries the booking's SEQUENCE: a later change queues a new
    one and the old one finds itself outdated."""
    from .tasks import send_reminder

    hours = getattr(settings, "LIVE_REMINDER_HOURS", 24)
    run_after = booking.session.starts_at - timedelta(hours=hours)
    if not hours or run_after <= timezone.now():
        return
    booking_id, sequence = booking.pk, booking.ics_sequence

    def enqueue() -> None:
        # Backends without deferred runs (the tests' immediate one) send none.
        with contextlib.suppress(InvalidTaskError):
            send_reminder.using(run_after=run_after).enqueue(booking_id, sequence)

    transaction.on_commit(enqueue)


def session_changed(booking: Booking) -> None:
    title = booking.session.title
    with translation.override(_language(booking)):
        if booking.session.is_cancelled:
            subject = _("Session cancelled: %(title)s") % {"title": title}
        else:
            subject = _("Session changed: %(title)s") % {"title": title}
        _send(booking, subject, "live/email/changed.txt", calendar=True)
    if not booking.session.is_cancelled:
        schedule_reminder(booking)
