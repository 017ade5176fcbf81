"""Where private files live, for every app that keeps some (certificates, packages,
backups): never below MEDIA_ROOT, so never under MEDIA_URL."""

from pathlib import Path

from django.conf import settings


def private_media_root() -> Path:
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if configured:
        return Path(configured)
    return Path(f"{settings.MEDIA_ROOT}-private")
