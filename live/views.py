"""Learner views: book, cancel, one session's calendar file, the personal feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import ics, services
from .models import Booking, BookingStatus, CalendarFeed, LiveSession


def _session(pk: int) -> LiveSession:
    return get_object_or_404(
        LiveSession.objects.select_related("course"), pk=pk, course__live=True
    )


def _back(request: HttpRequest, session: LiveSession) -> HttpResponse:
    return redirect(f"{session.course.get_url(request)}#live-sessions-heading")


@require_POST
@login_required
def book(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(pk)
    try:
        booking = services.book(request.user, session)
    except services.BookingError as error:
        messages.error(request, str(error))
        return _back(request, session)
    if booking.status == BookingStatus.BOOKED:
        messages.success(
            request,
            _("Your seat for “%(title)s” is booked. We have sent you an email.")
            % {"title": session.title},
        )
    else:
        messages.info(
            request,
            _(
                "The session is full. You are number %(number)s on the waiting "
                "list; we will email you if a seat becomes free."
            )
            % {"number": services.waiting_number(booking)},
        )
    return _back(request, session)


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(pk)
    try:
        services.cancel(request.user, session)
    except services.BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your booking for “%(title)s” is cancelled.") % {"title": session.title},
        )
    return _back(request, session)


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def session_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """The calendar file of one booked session (the same as the email's)."""
    booking = get_object_or_404(
        Booking.objects.select_related("session__course"),
        session_id=pk,
        user=request.user,
        status=BookingStatus.BOOKED,
    )
    return _calendar_response(ics.booking_calendar(booking), f"session-{pk}.ics")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed calendar apps subscribe to (no login: the token is the key)."""
    feed_row = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed_row is None or not feed_row.user.is_active:
        raise Http404
    bookings = Booking.objects.filter(
        user=feed_row.user, status=BookingStatus.BOOKED
    ).select_related("session__course")
    content = ics.feed_calendar(bookings, _("My live sessions"))
    return _calendar_response(content, "live-sessions.ics")


@require_POST
@login_required
def new_feed(request: HttpRequest) -> HttpResponse:
    services.revoke_feed(request.user)
    messages.success(
        request,
        _("Your new calendar address is ready. An earlier one no longer works."),
    )
    return redirect("accounts:my_learning")
