"""State changes for accounts: registration, roles, outgoing mail."""

from django.contrib.sessions.models import Session
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import translation

from .models import AuditAction, AuditEntry
from .roles import Role, assign_role
from .tasks import send_email_task


def register_learner(user) -> None:
    """Every self-registered person starts as a learner."""
    assign_role(user, Role.LEARNER)


def send_email_later(message: EmailMessage) -> None:
    """Queue a rendered message; the worker sends it with the real backend."""
    alternatives = []
    if isinstance(message, EmailMultiAlternatives):
        alternatives = [
            [content, mimetype] for content, mimetype in message.alternatives
        ]
    send_email_task.enqueue(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email,
        to=list(message.to),
        alternatives=alternatives,
        language=translation.get_language() or "de",
    )


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


def end_sessions(user) -> int:
    """Sign the person out everywhere (sessions are stored in the database)."""
    user_id = str(user.pk)
    ended = 0
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()
            ended += 1
    return ended
