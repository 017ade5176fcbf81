"""Tests: fast hashing, local-memory cache, tasks run immediately."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / "media-test"  # noqa: F405
ACCOUNT_RATE_LIMITS = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The test database lives in memory, where WAL and a busy timeout do not
    # apply, and the browser tests' server threads share its one connection.
    DATABASES["default"]["OPTIONS"] = {}  # noqa: F405
