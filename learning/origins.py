"""The two origins one process serves: the platform's and the content origin.

Deployment settings, read by the apps that serve or frame packages (courses,
content_packages) and by the WSGI wrapper; kept here so the lesson pages need
not import the package app to set their CSP.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseBase


def origin_of(url: str) -> str:
    """'https://host:8443/path' -> 'https://host:8443'; '' for a relative URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_origin() -> str:
    """Where package files and players are served (scheme://host[:port]), or ''.

    A host of its own that never receives the platform's cookies, so a
    package's scripts run without the platform's authority.
    """
    return origin_of(getattr(settings, "CONTENT_ORIGIN", "") or "")


def allow_content_frames(response: HttpResponseBase) -> HttpResponseBase:
    """Let a platform page frame the content origin (CSP frame-src), and no more."""
    origin = content_origin()
    if origin:
        update = dict(getattr(response, "_csp_update", None) or {})
        update["frame-src"] = [*update.get("frame-src", []), origin]
        response._csp_update = update
    return response
