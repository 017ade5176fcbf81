import threading

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test import Client, testcases

from tests.factories import UserFactory


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The browser tests' live server, handling one request at a time on SQLite.

    Its threads share the test's in-memory SQLite connection, and SQLite cannot
    interleave two requests' savepoints on one connection ("cannot release
    savepoint"), which a page with several player frames provokes. A request
    holds the lock until its body is written and its connection tidied, and
    between tests the server answers 503 without touching the database, so a
    frame still loading cannot hold a table while the test database is flushed
    ("database table is locked"). PostgreSQL gives every thread its own
    connection and keeps full concurrency.
    """

    lock = threading.Lock()
    accepting = True

    def set_app(self, application):
        shared = any(
            c.vendor == "sqlite" and c.is_in_memory_db() for c in connections.all()
        )
        if not shared:
            return super().set_app(application)
        server = type(self)

        def one_at_a_time(environ, start_response):
            with server.lock:
                if not server.accepting:
                    start_response("503 Service Unavailable", [])
                    return [b""]
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return super().set_app(one_at_a_time)


testcases.LiveServerThread.server_class = OneRequestAtATimeServer


@pytest.fixture(autouse=True)
def _live_server_quiet_after_test(request):
    """Stop the live server's requests before the test database is flushed."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("_django_db_helper")
    OneRequestAtATimeServer.accepting = True
    yield
    with OneRequestAtATimeServer.lock:
        OneRequestAtATimeServer.accepting = False


@pytest.fixture(autouse=True)
def _staff_sign_in_with_two_factors(monkeypatch):
    """force_login gives staff what a TOTP login gives them (tests/two_factor.py).

    Staff without a second factor reach nothing (accounts.two_factor); the rule
    itself is tested in tests/security/test_two_factor.py with real logins.
    """
    from tests.two_factor import force_login_with_two_factors

    monkeypatch.setattr(Client, "force_login", force_login_with_two_factors)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached links never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def learner(db):
    return UserFactory(role="learner")


@pytest.fixture
def other_learner(db):
    return UserFactory(role="learner")


@pytest.fixture
def trainer(db):
    return UserFactory(role="trainer")


@pytest.fixture
def coordinator(db):
    return UserFactory(role="coordinator")


@pytest.fixture
def admin_user(db):
    return UserFactory(role="administrator", is_superuser=True)


@pytest.fixture
def site_root(db):
    """The demo start page as the default site's root (German and English)."""
    from pages.demo import create_site_pages

    return create_site_pages()
