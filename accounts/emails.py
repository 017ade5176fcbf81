"""One look for every platform email: plain text plus an HTML part, the site's
name and, where the learner has one, their network in the footer."""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def site_name() -> str:
    """The default Wagtail site's name, else the setting: never an empty greeting."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def current_site(request=None) -> SimpleNamespace:
    """What allauth's templates read as ``current_site`` (name and domain)."""
    domain = ""
    if request is not None:
        domain = request.get_host()
    if not domain:
        domain = getattr(settings, "WAGTAILADMIN_BASE_URL", "").split("://")[-1]
    return SimpleNamespace(name=site_name(), domain=domain.rstrip("/"))


def network_of(user):
    """The learner's network (through their organisation), or None."""
    organisation = getattr(user, "organisation", None) if user else None
    return getattr(organisation, "network", None)


def with_html(message: EmailMessage, *, user=None) -> EmailMultiAlternatives:
    """Add an HTML part made from the text (escaped, links clickable)."""
    if not isinstance(message, EmailMultiAlternatives):
        message = EmailMultiAlternatives(
            message.subject,
            message.body,
            message.from_email,
            message.to,
            headers=message.extra_headers,
        )
    if any(mimetype == "text/html" for _, mimetype in message.alternatives):
        return message
    html = render_to_string(
        "emails/base.html",
        {
            "subject": message.subject,
            "body": message.body,
            "site_name": site_name(),
            "network": network_of(user),
            "language": translation.get_language() or settings.LANGUAGE_CODE,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def build(subject: str, body: str, to: str, *, user=None) -> EmailMultiAlternatives:
    """A message with text and HTML parts, a one-line subject and the footer."""
    footer = render_to_string(
        "emails/footer.txt", {"site_name": site_name(), "network": network_of(user)}
    )
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        body.rstrip() + "\n\n" + footer.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [to],
    )
    return with_html(message, user=user)
