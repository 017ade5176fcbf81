"""Staff sessions signed in with two factors, as allauth records a TOTP login.

Administrators and personal-data staff reach nothing with a password alone
(accounts.two_factor). Tests that sign staff in with ``Client.force_login`` get,
through the autouse fixture in tests/conftest.py, what a real login with TOTP
leaves behind: a TOTP authenticator with recovery codes and allauth's "mfa" step
in the session. ``plain_force_login`` signs in without it, for the tests of the
rule itself; ``totp_code`` computes a real code from a secret (RFC 6238).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client, RequestFactory

plain_force_login = Client.force_login


def totp_code(secret: str, at: float | None = None, period: int = 30) -> str:
    """The six-digit code an authenticator app shows for ``secret`` (RFC 6238)."""
    counter = int((time.time() if at is None else at) // period)
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def activate_totp(user) -> str:
    """Give ``user`` an authenticator app (and recovery codes); returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def record_two_factor_login(client: Client, user) -> None:
    """Write allauth's own record of a completed TOTP step into the client's session."""
    authenticator = Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        activate_totp(user)
        authenticator = Authenticator.objects.get(
            user=user, type=Authenticator.Type.TOTP
        )
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = user
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type
    )
    request.session.save()


def force_login_with_two_factors(client: Client, user, backend=None) -> None:
    """``Client.force_login``, plus the second factor for staff accounts."""
    plain_force_login(client, user, backend)
    if user.is_staff or user.is_superuser:
        record_two_factor_login(client, user)
