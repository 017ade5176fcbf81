"""Right of access and right to erasure (Art. 15, 17, 20 GDPR)."""

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
