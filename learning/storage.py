"""The private media folder, shared by the apps that keep files without a URL."""

from pathlib import Path

from django.conf import settings


def private_media_root() -> Path:
    """Where private files live: never below MEDIA_ROOT, so never under MEDIA_URL.

    Certificate PDFs, content packages and exports are served only by views that
    check permissions; the backup archives the whole folder.
    """
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    return Path(f"{settings.MEDIA_ROOT}-private")
