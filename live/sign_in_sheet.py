"""A printable sign-in sheet per date (WeasyPrint, like the certificates):
names, organisation and a signature column, for rooms without devices."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from accounts.services import record_access

from .attendance_views import participants
from .scoping import visible_sessions


def sign_in_sheet_pdf(session, people: list) -> bytes:
    """The sheet as a tagged PDF; a few blank rows for walk-ins."""
    from weasyprint import HTML

    html = render_to_string(
        "live/sign_in_sheet.html",
        {"session": session, "people": people, "blank_rows": range(5)},
    )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")


@login_required
def sign_in_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """Scoped like the attendance list: only the session's course team."""
    session = get_object_or_404(
        visible_sessions(request.user).select_related("course"), pk=pk
    )
    people = participants(session)
    record_access(
        request.user, what="live.sign_in_sheet", subjects=people, detail={"session": pk}
    )
    response = HttpResponse(
        sign_in_sheet_pdf(session, people), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="sign-in-sheet-{session.pk}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
