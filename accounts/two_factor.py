"""Two factors for staff: who must use them, whether this session did, and the reset.

Administrators and everyone who may see personal data (the permission
``reports.view_personal_data``; administrators hold every permission) are signed
in only once this session has used a second factor (allauth.mfa's TOTP or a
recovery code) of an authenticator that still exists. Until then
``TwoFactorRequiredMiddleware`` lets them reach only the steps that get them
there. Trainers and learners may use TOTP but are not obliged to.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.http import HttpRequest

from .models import AuditAction
from .services import end_sessions, record_audit

PERSONAL_DATA_PERMISSION = "reports.view_personal_data"
SETUP_NEXT_SESSION_KEY = "accounts.mfa_setup_next"


def must_use_two_factors(user) -> bool:
    """Administrators and holders of the personal-data permission."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PERSONAL_DATA_PERMISSION))
    )


def two_factor_state(request: HttpRequest, user) -> tuple[bool, bool]:
    """(has a TOTP authenticator, this session used one of the user's factors).

    allauth records each completed step of a login in the session; an "mfa"
    record counts only while its authenticator exists, so removing or resetting
    the factor ends that session's standing. One query.
    """
    authenticators = dict(
        Authenticator.objects.filter(user_id=user.pk).values_list("pk", "type")
    )
    has_totp = Authenticator.Type.TOTP in authenticators.values()
    used = {
        record.get("id")
        for record in get_authentication_records(request, user)
        if record.get("method") == "mfa"
    }
    return has_totp, any(pk in authenticators for pk in used)


def record_activation(sender, request, user, authenticator, **kwargs) -> None:
    """allauth.mfa's ``authenticator_added``: activating TOTP proves the factor.

    The person has just typed a valid code from the new authenticator, so this
    session counts as signed in with two factors (as after a login with it).
    """
    if request is None or authenticator.type != Authenticator.Type.TOTP:
        return
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type
    )


def reset_two_factors(user, *, actor=None, reason: str = "") -> int:
    """Remove every authenticator of ``user`` (lost phone) and sign them out.

    At the next sign-in with their password they set up TOTP again. Recorded in
    the audit log; returns the number of authenticators removed.
    """
    with transaction.atomic():
        removed = list(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        )
        Authenticator.objects.filter(user=user).delete()
        sessions = end_sessions(user)
        record_audit(
            actor=actor,
            action=AuditAction.TWO_FACTOR_RESET,
            subject=user,
            detail={
                "removed": sorted(removed),
                "sessions_ended": sessions,
                "reason": reason,
            },
        )
    return len(removed)
