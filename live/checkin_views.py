"""The QR code shown in the room (trainer) and the check-in it leads to (learner)."""

from __future__ import annotations

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from . import checkin, ics, services
from .models import Attendance, Booking, BookingStatus, LiveSession
from .scoping import visible_sessions


@login_required
def room_code(request: HttpRequest, pk: int) -> HttpResponse:
    """The trainer's screen: the current QR code, reloaded every 30 seconds."""
    session = get_object_or_404(visible_sessions(request.user), pk=pk)
    code = checkin.current_code(session)
    context = {"session": session, "code": code}
    if code:
        url = ics.absolute_url(reverse("live:check_in", args=[session.pk, code]))
        context["url"] = url
        context["qr"] = mark_safe(  # noqa: S308 - segno's own SVG of our URL
            segno.make(url, error="m").svg_inline(scale=6, title=session.title)
        )
    return render(request, "live/room_code.html", context)


@login_required
def check_in(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """A booked learner confirms they are here; an old or forged code is refused."""
    session = get_object_or_404(LiveSession, pk=pk)
    booked = Booking.objects.filter(
        session=session, user=request.user, status=BookingStatus.BOOKED
    ).exists()
    context = {"session": session, "code": code, "state": "confirm"}
    if not checkin.is_valid(session, code):
        context["state"] = "expired"
    elif not booked:
        context["state"] = "not_booked"
    elif request.method == "POST":
        already = Attendance.objects.filter(session=session, user=request.user).first()
        if already is None:
            services.record_attendance(
                session, request.user, checkin.status_on_arrival(session)
            )
        context["state"] = "done"
    status = 403 if context["state"] in ("expired", "not_booked") else 200
    return render(request, "live/check_in.html", context, status=status)
