"""`check --deploy`: the content origin must really be another origin."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.http.request import validate_host

from . import conf

HINT = (
    "Set CONTENT_ORIGIN to an https origin on a host name of its own, for example "
    "https://inhalte.example.org, that is neither in ALLOWED_HOSTS nor covered by "
    "SESSION_COOKIE_DOMAIN or CSRF_COOKIE_DOMAIN (see the README, Production)."
)


def _covers(cookie_domain: str, host: str) -> bool:
    """A cookie for `cookie_domain` is sent to `host` (RFC 6265 domain match)."""
    domain = cookie_domain.lower().lstrip(".")
    return host == domain or host.endswith("." + domain)


def _error(message: str, number: int) -> Error:
    return Error(message, hint=HINT, id=f"content_packages.E{number:03d}")


@register(Tags.security, deploy=True)
def check_content_origin(app_configs=None, **kwargs) -> list[Error]:
    """H5P and SCORM content runs on CONTENT_ORIGIN; it must not share the
    platform's host or cookies, or a package's script has the platform's
    authority."""
    configured = getattr(settings, "CONTENT_ORIGIN", "") or ""
    if not configured:
        return [_error("CONTENT_ORIGIN is not set.", 1)]
    parts = urlsplit(configured)
    host = (parts.hostname or "").lower()
    if not host or parts.path not in ("", "/") or parts.query or parts.fragment:
        return [_error(f"CONTENT_ORIGIN {configured!r} is not an origin.", 2)]
    errors = []
    if parts.scheme != "https":
        errors.append(_error("CONTENT_ORIGIN does not use https.", 3))
    platform_host = (urlsplit(conf.site_url()).hostname or "").lower()
    if validate_host(host, settings.ALLOWED_HOSTS) or host == platform_host:
        errors.append(
            _error(
                f"CONTENT_ORIGIN's host {host!r} is also a host of the platform "
                "(ALLOWED_HOSTS or BASE_URL).",
                4,
            )
        )
    for name in ("SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN"):
        domain = getattr(settings, name, None)
        if domain and _covers(domain, host):
            errors.append(
                _error(
                    f"{name} {domain!r} sends the platform's cookies to "
                    f"CONTENT_ORIGIN's host {host!r}.",
                    5,
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_allowed_content_origins(app_configs=None, **kwargs) -> list[Error]:
    """Origins package content may load from: https origins, never the platform."""
    errors = []
    kept = conf.allowed_content_origins()
    for entry in getattr(settings, "CONTENT_PACKAGES_ALLOWED_ORIGINS", None) or []:
        parts = urlsplit(entry.strip())
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if (
            parts.scheme != "https"
            or not parts.hostname
            or parts.path not in ("", "/")
            or parts.query
            or origin not in kept
        ):
            errors.append(
                Error(
                    f"CONTENT_PACKAGES_ALLOWED_ORIGINS entry {entry!r} is not an "
                    "https origin of another server (the platform's own hosts are "
                    "never allowed).",
                    hint="List origins such as https://cdn.example.org, never the "
                    "platform's own host.",
                    id="content_packages.E006",
                )
            )
    return errors
