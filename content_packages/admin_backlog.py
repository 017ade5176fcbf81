"""The forwarding backlog: statements the external LRS has not accepted yet.

A read-only admin listing, scoped like the packages themselves: staff see the
statements of the packages they may see (their team's collections); only those
who may view every statement (superusers, `content_packages.view_statement`)
also see the platform's own module and quiz statements. No learner is named:
the rows show the activity, how often forwarding failed and the last error.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import conf
from .models import Statement
from .scoping import visible_packages

VIEW_ALL = "content_packages.view_statement"
PAGE_SIZE = 50


def sees_every_statement(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL))


def may_view_backlog(user) -> bool:
    return sees_every_statement(user) or (
        user.is_active and visible_packages(user).exists()
    )


def backlog_for(user) -> QuerySet[Statement]:
    """Pending statements this user may see, oldest first (the next to go)."""
    pending = Statement.objects.pending_forwarding().select_related("package")
    if not sees_every_statement(user):
        pending = pending.filter(package__in=visible_packages(user))
    return pending.order_by("stored_at")


def backlog_view(request: HttpRequest) -> HttpResponse:
    if not may_view_backlog(request.user):
        raise PermissionDenied
    rows = backlog_for(request.user)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "content_packages/admin/backlog.html",
        {
            "page_title": _("xAPI forwarding backlog"),
            "header_icon": "resubmit",
            "page": page,
            "total": page.paginator.count,
            "lrs_configured": bool(conf.lrs_endpoint()),
            "max_attempts": conf.lrs_max_attempts(),
        },
    )
