"""Logged-in sessions for the benchmark, for the project and the peer alike.

Uses Django's APIs only (no project code), so the wagtail-lms peer's seed script
creates its learners' sessions exactly as bench/prepare.py does.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.crypto import get_random_string


def session_cookie(user) -> tuple[str, str]:
    """A logged-in session and a CSRF secret, as the browser would hold them."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    csrf = get_random_string(32)
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={store.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf}"
    )
    return cookie, csrf


def write_requests(path, requests) -> None:
    """One request a line, as bench/wrk/scenario.lua reads them."""
    with open(path, "w") as handle:
        for method, url, cookie, csrf, body in requests:
            handle.write(f"{method}\t{url}\t{cookie}\t{csrf}\t{body}\n")
