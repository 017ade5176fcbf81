"""Self check-in with a code that changes every minute and works only during
the session: an HMAC of the session and the current minute, so a photo of
yesterday's QR code (or of one from ten minutes ago) checks nobody in."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import LiveSession

# Check-in opens a little before the start; a code stays valid into the next minute
# so a scan just after the change still works.
OPENS_BEFORE = timedelta(minutes=15)
LATE_AFTER = timedelta(minutes=15)


def _minute(moment) -> int:
    return int(moment.timestamp() // 60)


def code_for(session: LiveSession, minute: int) -> str:
    message = f"live-checkin:{session.pk}:{session.uid}:{minute}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256)
    return digest.hexdigest()[:10]


def is_running(session: LiveSession, now=None) -> bool:
    now = now or timezone.now()
    return (
        not session.is_cancelled
        and session.starts_at - OPENS_BEFORE <= now <= session.ends_at
    )


def current_code(session: LiveSession, now=None) -> str | None:
    now = now or timezone.now()
    if not is_running(session, now):
        return None
    return code_for(session, _minute(now))


def is_valid(session: LiveSession, code: str, now=None) -> bool:
    now = now or timezone.now()
    if not is_running(session, now):
        return False
    minute = _minute(now)
    return any(
        hmac.compare_digest(code_for(session, m), code or "")
        for m in (minute, minute - 1)
    )


def status_on_arrival(session: LiveSession, now=None) -> str:
    from .models import AttendanceStatus

    now = now or timezone.now()
    late = now > session.starts_at + LATE_AFTER
    return AttendanceStatus.LATE if late else AttendanceStatus.PRESENT
