"""Tests: fast hashing, local-memory cache, tasks run immediately."""

import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
# The test client's host and the browser's name of the live server; the content
# origin is another host (the live server's is set per test in tests/conftest.py).
ALLOWED_HOSTS = ["testserver", "lernen.iq.localhost"]
CONTENT_ORIGIN = "http://inhalte.testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# tests/test_task_worker.py runs real worker processes on the database queue and
# slows the PDF step down so it can kill a worker in the middle of it.
if os.environ.get("TEST_TASKS_IN_DATABASE") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CERTIFICATE_PDF_RENDER_DELAY_SECONDS = float(
    os.environ.get("TEST_PDF_RENDER_DELAY_SECONDS", "0")
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# .ci/run gives its SQLite and PostgreSQL runs, which run side by side, one each.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / "media-test"))  # noqa: F405
ACCOUNT_RATE_LIMITS = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The test database lives in memory, where WAL and a busy timeout do not
    # apply, and the browser tests' server threads share its one connection.
    DATABASES["default"]["OPTIONS"] = {}  # noqa: F405
