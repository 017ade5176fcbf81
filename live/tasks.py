"""The reminder before a session, queued for its time (django-tasks, run_after)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_reminder(booking_id: int, sequence: int) -> None:
    """Idempotent: sent once per booking and revision, and not at all for a
    booking cancelled, a session cancelled or moved since it was queued."""
    from . import notifications
    from .models import Booking, BookingStatus

    booking = (
        Booking.objects.filter(pk=booking_id, status=BookingStatus.BOOKED)
        .select_related("session__course", "user")
        .first()
    )
    if booking is None or booking.session.is_cancelled:
        return
    if booking.ics_sequence != sequence:
        return
    claimed = (
        Booking.objects.filter(pk=booking_id)
        .exclude(reminded_sequence=sequence)
        .update(reminded_sequence=sequence)
    )
    if claimed:
        notifications.reminder(booking)
