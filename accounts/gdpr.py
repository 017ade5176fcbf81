"""Right of access and right to erasure (Art. 15, 17, 20 GDPR)."""

import json
import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import AuditAction, User
from .privacy_registry import providers
from .services import record_audit

EXPORT_FORMAT_VERSION = 1


def collect_personal_data(user: User) -> dict:
    """Everything the platform holds about a person, by app, as JSON-safe data."""
    data = {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
    }
    for label, export in providers("export_personal_data"):
        data[label] = export(user)
    return data


def erase_account(user: User, *, actor: User | None = None, reason: str = "") -> None:
    """Delete personal data but keep anonymised records for programme statistics.

    The row stays (enrolments, attempts and certificates point at it) with every
    identifying field replaced; certificates then verify as issued to a deleted
    account.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        for _label, erase in providers("erase_personal_data"):
            erase(locked)
        locked.email = f"deleted-{uuid.uuid4().hex}@invalid"
        locked.first_name = ""
        locked.last_name = ""
        locked.is_active = False
        locked.is_staff = False
        locked.is_superuser = False
        locked.set_unusable_password()
        locked.erased_at = timezone.now()
        locked.save()
        locked.groups.clear()
        locked.user_permissions.clear()
        locked.coordinated_networks.clear()
        record_audit(
            actor=actor,
            action=AuditAction.ACCOUNT_ERASED,
            subject=locked,
            detail={"reason": reason or ("self" if actor is None else "staff")},
        )
        erased_at = locked.erased_at
        transaction.on_commit(lambda: append_to_erasure_log(user.pk, erased_at))


def append_to_erasure_log(user_id: int, erased_at) -> None:
    """One line per erasure, outside the database (ERASURE_LOG_PATH, ids only).

    A restore from a backup made before the erasure brings the person back;
    ``manage.py reapply_erasures`` reads this log and erases them again.
    """
    path = getattr(settings, "ERASURE_LOG_PATH", "")
    if not path:
        return
    line = json.dumps({"user_id": user_id, "erased_at": erased_at.isoformat()})
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as log:
        log.write(line + "\n")


def reapply_erasures(lines) -> list[int]:
    """Erase again every account of the log that a restore brought back."""
    erased = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        user_id = json.loads(line)["user_id"]
        user = User.objects.filter(pk=user_id, erased_at__isnull=True).first()
        if user is not None:
            erase_account(user, reason="reapplied after restore")
            erased.append(user_id)
    return erased


def inactive_accounts(now=None):
    """Learner accounts without a login for longer than the retention period."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_INACTIVE_DAYS)
    return User.objects.filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
        is_staff=False,
        is_superuser=False,
        erased_at__isnull=True,
    )
