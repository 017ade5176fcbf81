"""Settings of the app, with safe defaults (override in Django settings)."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from learning.origins import content_origin, origin_of
from learning.storage import private_media_root

# Files smaller than this are not checked for their compression ratio.
RATIO_CHECK_MIN_BYTES = 1024 * 1024


def storage_root() -> Path:
    """Where extracted packages live: in the private media folder, never below
    MEDIA_ROOT, so no URL reaches them except the permission-checking view."""
    configured = getattr(settings, "CONTENT_PACKAGES_ROOT", None)
    if configured:
        return Path(configured)
    return private_media_root() / "content_packages"


def max_upload_bytes() -> int:
    return getattr(settings, "CONTENT_PACKAGES_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)


def max_uncompressed_bytes() -> int:
    return getattr(
        settings, "CONTENT_PACKAGES_MAX_UNCOMPRESSED_BYTES", 500 * 1024 * 1024
    )


def max_files() -> int:
    return getattr(settings, "CONTENT_PACKAGES_MAX_FILES", 5000)


def max_compression_ratio() -> int:
    return getattr(settings, "CONTENT_PACKAGES_MAX_COMPRESSION_RATIO", 100)


def lrs_endpoint() -> str:
    return getattr(settings, "XAPI_LRS_ENDPOINT", "") or ""


def lrs_credentials() -> tuple[str, str]:
    return (
        getattr(settings, "XAPI_LRS_KEY", "") or "",
        getattr(settings, "XAPI_LRS_SECRET", "") or "",
    )


def allowed_content_origins() -> list[str]:
    """Other servers package content may load from (`CONTENT_PACKAGES_ALLOWED_ORIGINS`).

    The content origin's policy adds them to its fetch directives, and the
    upload report tells the trainer which external resources will load.
    """
    from django.http.request import validate_host

    value = getattr(settings, "CONTENT_PACKAGES_ALLOWED_ORIGINS", None) or []
    if isinstance(value, str):
        value = value.split(",")
    platform_host = (urlsplit(site_url()).hostname or "").lower()
    origins = []
    for entry in value:
        origin = origin_of(entry.strip()).lower() if entry.strip() else ""
        host = (urlsplit(origin).hostname or "") if origin else ""
        # Never the platform itself: package code must not reach it.
        if not host or host == platform_host:
            continue
        if validate_host(host, settings.ALLOWED_HOSTS):
            continue
        if origin not in origins:
            origins.append(origin)
    return origins


def lrs_authority() -> dict | None:
    """The Agent named as `authority` in forwarded statements, if configured.

    `XAPI_LRS_AUTHORITY` is an xAPI Agent, as a dict or its JSON; unset, the
    LRS sets the authority from the credentials it was sent.
    """
    import json

    value = getattr(settings, "XAPI_LRS_AUTHORITY", None) or None
    if isinstance(value, str):
        value = json.loads(value)
    return value or None


def lrs_max_attempts() -> int:
    return getattr(settings, "XAPI_LRS_MAX_ATTEMPTS", 5)


def site_url() -> str:
    """The platform's home page for xAPI account actors and activity ids."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost").rstrip("/")


# --- The content origin -------------------------------------------------------------


def content_host() -> str:
    """The content origin's host name (lower case, without port), or ''."""
    return (urlsplit(content_origin()).hostname or "").lower()


def platform_origin() -> str:
    """The platform's own origin (from BASE_URL): the only one that may frame
    the players and receive their messages."""
    return origin_of(site_url())


def launch_max_age() -> int:
    """Seconds a launch token stays valid (a lesson left open longer is reloaded)."""
    return getattr(settings, "CONTENT_LAUNCH_MAX_AGE", 4 * 60 * 60)
