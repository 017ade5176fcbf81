"""Local development: debugging on, mails printed to the console."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
# The platform at http://127.0.0.1:8000 (BASE_URL), packages at
# http://localhost:8000: the same server under another host name, so the
# platform's cookies never reach them (README, "H5P and SCORM content").
ALLOWED_HOSTS = list(
    dict.fromkeys(["127.0.0.1", "[::1]", urlsplit(WAGTAILADMIN_BASE_URL).hostname])  # noqa: F405
)
CONTENT_ORIGIN = CONTENT_ORIGIN or "http://localhost:8000"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
