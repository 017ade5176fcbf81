"""Signed-in people without admin access get the platform's 403 page at /admin/.

Wagtail's ``require_admin_access`` sends them to the admin login, which is
allauth's login view here; that view sends a signed-in person back to ``next``
(the admin), and the browser gives up after endless redirects. Answering 403
before the admin view runs ends the loop and tells the client the truth.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.defaults import permission_denied


class AdminAccessDeniedMiddleware:
    """403 (templates/403.html) for an authenticated user lacking access_admin."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_root = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            request.path.startswith(admin_root)
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(reverse("admin_login"))
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            # /admin/ has no language prefix: answer in the learner's own language.
            language = getattr(user, "preferred_language", "") or None
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
            return permission_denied(request, PermissionDenied())
        return self.get_response(request)
