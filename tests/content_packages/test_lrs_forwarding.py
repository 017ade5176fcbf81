"""Statements reach an external LRS; a refusal keeps them for the next try."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from content_packages.models import Statement
from content_packages.tasks import forward_now
from courses import services
from tests.factories import make_course, make_course_index


class FakeLrs(BaseHTTPRequestHandler):
    """A real HTTP server on a free port standing in for the LRS."""

    accept = False
    received: list = []

    def do_PUT(self):  # noqa: N802 - the http.server interface
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if not type(self).accept:
            self.send_response(503)
            self.end_headers()
            return
        type(self).received.append(
            {
                "path": self.path,
                "auth": self.headers["Authorization"],
                "version": self.headers["X-Experience-API-Version"],
                "statement": json.loads(body),
            }
        )
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lrs(settings):
    FakeLrs.accept, FakeLrs.received = False, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLrs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.XAPI_LRS_ENDPOINT = f"http://127.0.0.1:{server.server_port}/xapi"
    settings.XAPI_LRS_KEY, settings.XAPI_LRS_SECRET = "iq", "geheim"
    yield FakeLrs
    server.shutdown()
    server.server_close()


def test_refused_statement_is_kept_and_forwarded_on_the_next_run(
    lrs, learner, site_root, django_capture_on_commit_callbacks
):
    course = make_course(make_course_index(site_root), modules=1)
    services.enrol(learner, course)
    with django_capture_on_commit_callbacks(execute=True):  # xAPI after commit
        services.complete_module(learner, course.get_modules().first().specific)
    statement = Statement.objects.get(user=learner)
    # Forwarded after the commit and refused by the LRS: kept, with the reason.
    assert statement.forwarded_at is None
    assert statement.forward_attempts == 1
    assert "503" in statement.last_forward_error

    assert forward_now(str(statement.pk)) is False
    statement.refresh_from_db()
    assert (statement.forwarded_at, statement.forward_attempts) == (None, 2)

    lrs.accept = True
    call_command("forward_pending_statements")

    statement.refresh_from_db()
    assert statement.forwarded_at is not None
    (sent,) = lrs.received
    assert sent["path"].endswith(f"/xapi/statements?statementId={statement.pk}")
    assert sent["auth"] == "Basic " + base64.b64encode(b"iq:geheim").decode()
    assert sent["version"] == "1.0.3"
    assert sent["statement"]["verb"]["id"].endswith("completed")
    assert learner.email not in json.dumps(sent["statement"])
