"""The one place that keeps staff without a second factor out (accounts.two_factor).

It runs for every request of a signed-in staff member (and for every admin URL,
whoever asks), so no admin page, export or personal-data view can be reached
with a password alone, whatever the menu shows.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .two_factor import SETUP_NEXT_SESSION_KEY, must_use_two_factors, two_factor_state

# The steps that lead to a second factor, and leaving.
STEP_URL_NAMES = {
    "account_logout",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "healthz",
}


def _is_step(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name in STEP_URL_NAMES


class TwoFactorRequiredMiddleware:
    """Sends administrators and personal-data staff to set up or use TOTP first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        step = self._required_step(request)
        if step is not None:
            return step
        return self.get_response(request)

    def _required_step(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        # Learners skip the permission lookup on every page; the admin is always
        # checked, whoever asks (Wagtail decides separately who may enter).
        if not (user.is_staff or user.is_superuser or _in_admin(request)):
            return None
        if not must_use_two_factors(user):
            return None
        has_totp, session_used_it = two_factor_state(request, user)
        if has_totp and session_used_it:
            return None
        if _is_step(request):
            return None
        if not has_totp:
            if request.method == "GET":
                request.session[SETUP_NEXT_SESSION_KEY] = request.get_full_path()
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        # A factor exists but this session has not used it (signed in before it
        # was set up, elsewhere): confirm with it, then carry on.
        target = request.get_full_path() if request.method == "GET" else "/"
        return HttpResponseRedirect(
            reverse("mfa_reauthenticate") + "?" + urlencode({"next": target})
        )


def _in_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))
