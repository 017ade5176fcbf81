import contextlib
import threading

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test import Client, testcases
from pytest_django.live_server_helper import LiveServer

from content_packages.origin import ContentWSGIHandler, with_content_origin
from tests.factories import UserFactory


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The browser tests' live server, which falls silent before a flush.

    A frame still loading when a test ends must not touch the database while
    the test database is flushed: on PostgreSQL its query and the TRUNCATE
    deadlock, on SQLite the table is locked. So the server counts the requests
    in flight, and between tests it answers 503 without touching the database;
    the teardown waits until the last request has finished.

    On SQLite the threads also share the test's in-memory connection, and
    SQLite cannot interleave two requests' savepoints on one connection
    ("cannot release savepoint"), which a page with several player frames
    provokes, so there requests are handled one at a time. PostgreSQL gives
    every thread its own connection and keeps full concurrency.
    """

    one_at_a_time = threading.RLock()  # a test's reads may nest
    idle = threading.Condition()
    in_flight = 0
    accepting = True

    def set_app(self, application):
        # Both origins, as learning/wsgi.py serves them; the players' static
        # files on the content origin come from the finders like the platform's.
        application = with_content_origin(
            application, StaticFilesHandler(ContentWSGIHandler())
        )
        shared = any(
            c.vendor == "sqlite" and c.is_in_memory_db() for c in connections.all()
        )
        server = type(self)

        def respond(environ, start_response):
            response = application(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

        def gated(environ, start_response):
            with server.idle:
                if not server.accepting:
                    start_response("503 Service Unavailable", [])
                    return [b""]
                server.in_flight += 1
            try:
                if shared:
                    with server.one_at_a_time:
                        return respond(environ, start_response)
                return respond(environ, start_response)
            finally:
                with server.idle:
                    server.in_flight -= 1
                    server.idle.notify_all()

        return super().set_app(gated)

    @classmethod
    @contextlib.contextmanager
    def between_requests(cls):
        """A test's own reads while the server runs: on a shared in-memory
        SQLite database a read during a request's write finds the table locked,
        so it waits for the request in hand (PostgreSQL needs no wait)."""
        with cls.one_at_a_time:
            yield

    @classmethod
    def fall_silent(cls, timeout: float = 30) -> None:
        """Refuse new requests and wait for those in flight to finish."""
        with cls.idle:
            cls.accepting = False
            cls.idle.wait_for(lambda: cls.in_flight == 0, timeout=timeout)


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
    OneRequestAtATimeServer.fall_silent()


# The browser reaches the live server under two host names of one site, as a
# deployment serves the platform and the content origin (lernen.example.org and
# inhalte.example.org). Chromium resolves every *.localhost name to the loopback
# address itself; the server listens on localhost. One site matters: Chromium
# denies storage to frames of another site, which H5P needs.
PLATFORM_TEST_HOST = "lernen.iq.localhost"
CONTENT_TEST_HOST = "inhalte.iq.localhost"


class BrowserLiveServer(LiveServer):
    """pytest-django's live server, with the platform's host name in its URL."""

    @property
    def url(self) -> str:
        return f"http://{PLATFORM_TEST_HOST}:{self.thread.port}"


@pytest.fixture(scope="session")
def live_server(request):
    server = BrowserLiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _content_origin_of_live_server(request):
    """CONTENT_ORIGIN is the live server under its second host name; BASE_URL is
    the live server (the origin that may frame the players)."""
    if "live_server" not in request.fixturenames:
        return
    live_server = request.getfixturevalue("live_server")
    settings = request.getfixturevalue("settings")
    settings.CONTENT_ORIGIN = f"http://{CONTENT_TEST_HOST}:{live_server.thread.port}"
    settings.WAGTAILADMIN_BASE_URL = live_server.url


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
    from demo.pages import create_site_pages

    return create_site_pages()


def between_requests():
    """See OneRequestAtATimeServer.between_requests."""
    return OneRequestAtATimeServer.between_requests()
