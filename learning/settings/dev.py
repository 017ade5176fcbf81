"""Local development: debugging on, mails printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
# The platform at http://127.0.0.1:8000, packages at http://localhost:8000: the
# same server, another host name, so the platform's cookies never reach them.
ALLOWED_HOSTS = ["127.0.0.1", "[::1]"]
CONTENT_ORIGIN = CONTENT_ORIGIN or "http://localhost:8000"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
