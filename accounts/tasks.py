from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task


@task()
def send_outgoing_email(email_id: int) -> None:
    """Sends one queued message; a slow mail server never blocks a request.

    Idempotent: a message already sent (a re-queued task) is not sent again,
    and a message erased with its recipient is simply gone.
    """
    from .models import OutgoingEmail, OutgoingEmailStatus

    email = OutgoingEmail.objects.filter(
        pk=email_id, status=OutgoingEmailStatus.QUEUED
    ).first()
    if email is None:
        return
    message = EmailMultiAlternatives(
        email.subject, email.body, email.from_email or None, email.to
    )
    for content, mimetype in email.alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmailStatus.SENT, sent_at=timezone.now()
    )


@task()
def send_email_task(
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    alternatives: list[list[str]],
    language: str,
) -> None:
    """Deprecated: only drains messages queued before OutgoingEmail existed."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
