from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email_task(
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    alternatives: list[list[str]],
    language: str,
) -> None:
    """Sends one email; queued so a slow mail server never blocks a request."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
