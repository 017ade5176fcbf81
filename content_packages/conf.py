"""Settings of the app, with safe defaults (override in Django settings)."""

from pathlib import Path

from django.conf import settings

# Files smaller than this are not checked for their compression ratio.
RATIO_CHECK_MIN_BYTES = 1024 * 1024


def storage_root() -> Path:
    """Where extracted packages live: in the private media folder, never below
    MEDIA_ROOT, so no URL reaches them except the permission-checking view."""
    configured = getattr(settings, "CONTENT_PACKAGES_ROOT", None)
    if configured:
        return Path(configured)
    from certificates.models import private_media_root

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


def lrs_max_attempts() -> int:
    return getattr(settings, "XAPI_LRS_MAX_ATTEMPTS", 5)


def site_url() -> str:
    """The platform's home page for xAPI account actors and activity ids."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost").rstrip("/")
