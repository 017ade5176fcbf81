"""The trainer's attendance list of one date: a plain form, usable on a phone
and with the keyboard alone (one radio group per participant, no script)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.services import record_access

from . import services
from .models import Attendance, AttendanceStatus, Booking, BookingStatus, LiveSession
from .scoping import visible_sessions


def participants(session: LiveSession) -> list:
    """Who is on the list: everyone booked, and anyone with a recorded
    attendance (say, booked and later cancelled on the day)."""
    from accounts.models import User

    booked = Booking.objects.filter(session=session, status=BookingStatus.BOOKED)
    recorded = Attendance.objects.filter(session=session)
    return list(
        User.objects.filter(pk__in=booked.values("user"))
        .union(User.objects.filter(pk__in=recorded.values("user")))
        .order_by("last_name", "first_name", "email")
    )


@login_required
def attendance_list(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(visible_sessions(request.user), pk=pk)
    people = participants(session)
    if not people and request.method == "POST":
        raise Http404
    recorded = {a.user_id: a for a in Attendance.objects.filter(session=session)}
    if request.method == "POST":
        errors = []
        for person in people:
            status = request.POST.get(f"status-{person.pk}", "")
            note = request.POST.get(f"note-{person.pk}", "")
            if not status and not note:
                continue
            if status not in AttendanceStatus.values:
                errors.append(person)
        if errors:
            messages.error(
                request,
                _("Please choose present, late, excused or absent for: %(names)s")
                % {"names": ", ".join(p.get_full_name() or p.email for p in errors)},
            )
        else:
            for person in people:
                status = request.POST.get(f"status-{person.pk}", "")
                if status:
                    services.record_attendance(
                        session,
                        person,
                        status,
                        request.POST.get(f"note-{person.pk}", ""),
                        by=request.user,
                    )
            messages.success(request, _("The attendance list is saved."))
            return redirect("live:attendance", pk=session.pk)
    record_access(
        request.user, what="live.attendance", subjects=people, detail={"session": pk}
    )
    rows = [
        {
            "person": person,
            "status": request.POST.get(f"status-{person.pk}")
            or getattr(recorded.get(person.pk), "status", ""),
            "note": request.POST.get(f"note-{person.pk}")
            or getattr(recorded.get(person.pk), "note", ""),
        }
        for person in people
    ]
    return render(
        request,
        "live/attendance_list.html",
        {"session": session, "rows": rows, "statuses": AttendanceStatus.choices},
    )


@require_POST
@login_required
def book_for(request: HttpRequest, pk: int) -> HttpResponse:
    """The trainer books a person (by email) in, even when full or closed:
    a manual exception; a full session still puts them on the waiting list."""
    from accounts.models import User

    session = get_object_or_404(visible_sessions(request.user), pk=pk)
    email = request.POST.get("email", "").strip()
    person = User.objects.filter(email__iexact=email, is_active=True).first()
    if person is None:
        messages.error(request, _("Nobody with this email address has an account."))
        return redirect("live:attendance", pk=session.pk)
    try:
        booking = services.book(person, session, by=request.user)
    except services.BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {
                "name": person.get_full_name() or person.email,
                "status": booking.get_status_display(),
            },
        )
    return redirect("live:attendance", pk=session.pk)
