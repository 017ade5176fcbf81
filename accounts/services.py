"""State changes for accounts: registration, roles, outgoing mail."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import EmailMessage, EmailMultiAlternatives

from .models import AuditAction, AuditEntry, OutgoingEmail, User
from .roles import Role, assign_role
from .tasks import send_outgoing_email


def register_learner(user) -> None:
    """Every self-registered person starts as a learner."""
    assign_role(user, Role.LEARNER)


def send_email_later(message: EmailMessage, *, recipient=None) -> OutgoingEmail:
    """Keep a rendered message as a row and queue its id; the worker sends it.

    The task carries only the id, so the queue holds no address or text; the
    row is the recipient's (export, erasure) and is pruned after a while.
    """
    alternatives = []
    if isinstance(message, EmailMultiAlternatives):
        alternatives = [
            [content, mimetype] for content, mimetype in message.alternatives
        ]
    if recipient is None:
        recipient = User.objects.filter(email__iexact=(message.to or [""])[0]).first()
    email = OutgoingEmail.objects.create(
        recipient=recipient,
        to=list(message.to),
        from_email=message.from_email or "",
        subject=message.subject,
        body=message.body,
        alternatives=alternatives,
    )
    # Queued in the same transaction as the row (the database backend commits
    # both together; callers that must not send on rollback call this on_commit).
    send_outgoing_email.enqueue(email.pk)
    return email


def record_audit(
    *, actor, action: AuditAction, subject=None, detail: dict | None = None
) -> AuditEntry:
    """Append to the audit log of access to personal data; entries are never edited."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        detail=detail or {},
    )


def record_access(
    actor,
    *,
    what: str,
    subject=None,
    subjects=None,
    reason: str = "",
    detail: dict | None = None,
) -> AuditEntry:
    """Log that a staff member looked at a named person's data (one entry per view).

    ``what`` names the view; a list of people gives one entry linked to all of
    them (``subjects``), a single person's page names them as ``subject``.
    Only ids go into the entry, never names, so erasure leaves nothing here.
    """
    detail = dict(detail or {})
    ids = sorted({getattr(s, "pk", s) for s in subjects or []} - {None})
    if subjects is not None:
        detail["count"] = len(ids)
    entry = AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=AuditAction.PERSONAL_DATA_VIEWED,
        subject=subject,
        what=what[:64],
        reason=(reason or "")[:200],
        detail=detail,
    )
    if ids:
        entry.subjects.add(*ids)
    return entry


def end_sessions(user) -> int:
    """Sign the person out everywhere.

    Sessions are kept in the database and, with ``cached_db``, in the cache too:
    each is deleted through the session engine, so neither copy survives.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    ended = 0
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            store(session_key=session.session_key).delete()
            ended += 1
    return ended
