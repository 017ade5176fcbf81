import threading

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test import testcases

from tests.factories import UserFactory


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The browser tests' live server, handling one request at a time on SQLite.

    Its threads share the test's in-memory SQLite connection, and SQLite cannot
    interleave two requests' savepoints on one connection ("cannot release
    savepoint"), which a page with several player frames provokes. PostgreSQL
    gives every thread its own connection and keeps full concurrency.
    """

    _lock = threading.Lock()

    def set_app(self, application):
        shared = any(
            c.vendor == "sqlite" and c.is_in_memory_db() for c in connections.all()
        )
        if not shared:
            return super().set_app(application)
        lock = self._lock

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


testcases.LiveServerThread.server_class = OneRequestAtATimeServer


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
