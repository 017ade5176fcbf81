"""GDPR: a learner's bookings, attendance and calendar feed.

Erasure frees the person's seats in sessions still to come (the first waiting
moves up), deletes their bookings and their feed, and keeps attendance rows
pointing at the anonymised account without the trainer's note, so the
programme's counts of participants and participant hours stay right.
"""

from django.utils import timezone

from .models import Attendance, Booking, BookingStatus, CalendarFeed, LiveSession

HOLDS_PERSONAL_DATA = {
    "live.Booking": "deleted on erasure; seats to come go to the waiting list",
    "live.Attendance": "kept without the note, points at the anonymised account",
    "live.CalendarFeed": "deleted on erasure",
}
NO_PERSONAL_DATA = {
    "live.LiveSession": "a session's dates and place; its trainers are staff",
    "live.AttendanceRule": "a module's attendance condition",
}


def export_personal_data(user) -> dict:
    bookings = Booking.objects.filter(user=user).select_related("session")
    attendance = Attendance.objects.filter(user=user).select_related("session")
    return {
        "bookings": [
            {
                "session": booking.session.title,
                "starts_at": booking.session.starts_at,
                "status": booking.status,
                "waiting_list_number": booking.position,
                "created_at": booking.created_at,
                "updated_at": booking.updated_at,
            }
            for booking in bookings
        ],
        "attendance": [
            {
                "session": row.session.title,
                "starts_at": row.session.starts_at,
                "status": row.status,
                "note": row.note,
                "recorded_at": row.recorded_at,
            }
            for row in attendance
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
    }


def erase_personal_data(user) -> None:
    from .services import release_seat

    upcoming = LiveSession.objects.filter(
        starts_at__gt=timezone.now(),
        bookings__user=user,
        bookings__status=BookingStatus.BOOKED,
    )
    for session in upcoming:
        release_seat(user, session)
    Booking.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    Attendance.objects.filter(user=user).update(note="")
