"""The content origin: its own host, no session, and launch tokens that bind.

Package files, players and tracking answer only on CONTENT_ORIGIN and only for
a valid launch token; the platform answers 404 for them and refuses requests
for the content host. A token speaks for one user, one block and its package,
one enrolment, for a few hours, and is checked against the database on every
request.
"""

import http.client
import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client
from django.utils import translation

from content_packages import launch as launch_tokens
from content_packages.content_views import content_path
from content_packages.models import H5PUserData, ScormAttempt, Statement
from content_packages.origin import is_content_request
from courses.services import enrol, unenrol
from tests.content_packages.conftest import place_packages, store_sample
from tests.content_packages.content_client import (
    ContentClient,
    launch,
    launch_url,
    tampered,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(learner, course):
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    return client


def with_session_of(platform: Client) -> ContentClient:
    """A content client holding the platform's session cookie, as a browser on a
    shared domain might send it."""
    content = ContentClient()
    name = settings.SESSION_COOKIE_NAME
    content.cookies[name] = platform.cookies[name].value
    return content


def post(content: ContentClient, url: str, body: dict):
    return content.post(url, json.dumps(body), content_type="application/json")


# --- The platform serves nothing of a package -----------------------------------------


def test_package_files_requested_on_the_platform_origin_are_404(signed_in, module, h5p):
    package, block_id = h5p
    token = launch(signed_in, module, block_id)
    for path in (
        content_path("file", token, path="h5p.json"),
        content_path("player", token),
        f"/content-packages/files/{module.pk}/{block_id}/{package.token}/h5p.json",
        f"/content-packages/play/{module.pk}/{block_id}/",
    ):
        assert signed_in.get(path).status_code == 404, path


def test_the_platform_refuses_requests_for_the_content_host(signed_in, module, h5p):
    _package, block_id = h5p
    host = urlsplit(settings.CONTENT_ORIGIN).netloc
    response = signed_in.get(launch_url(module, block_id), HTTP_HOST=host)
    assert response.status_code == 400
    assert not response.cookies


def test_the_content_origin_serves_no_platform_page(signed_in):
    content = with_session_of(signed_in)
    for path in ("/", "/en/accounts/profile/my-data.json", "/admin/"):
        response = content.get(path)
        assert response.status_code == 404, path
        assert not response.cookies


# --- No session on the content origin -------------------------------------------------


def test_platform_session_without_a_token_gets_nothing_and_no_cookie(
    signed_in, module, h5p
):
    content = with_session_of(signed_in)
    for token in ("", "x", "W10:1xYUs1:abc"):
        for name in ("player", "file"):
            kwargs = {"path": "h5p.json"} if name == "file" else {}
            url = content_path(name, token or "-", **kwargs)
            response = content.get(url)
            assert response.status_code == 404, url
            assert not response.cookies
            assert "Set-Cookie" not in response
            assert b"h5p" not in response.content.lower()


def test_a_valid_launch_sets_no_cookie_and_ignores_the_session_it_is_sent_with(
    learner, other_learner, course, module, h5p
):
    """The token alone says whom the player is for, whatever cookies come along."""
    package, block_id = h5p
    enrol(learner, course)
    enrol(other_learner, course)
    own, other = Client(), Client()
    own.force_login(learner)
    other.force_login(other_learner)
    token = launch(own, module, block_id)
    content = with_session_of(other)
    response = content.get(content_path("player", token))
    assert response.status_code == 200
    assert not response.cookies
    assert response["Cache-Control"] == "private, no-store"
    actor = response.context["config"]["actor"]
    assert actor["account"]["name"] == str(learner.xapi_identity.account_name)
    response = post(content, content_path("h5p_state", token), {"state": "{}"})
    assert response.status_code == 200
    assert not response.cookies
    assert list(H5PUserData.objects.values_list("user", flat=True)) == [learner.pk]


# --- Tokens ---------------------------------------------------------------------------


def test_an_expired_token_is_refused_with_a_message_to_reload(
    settings, signed_in, module, h5p
):
    _package, block_id = h5p
    token = launch(signed_in, module, block_id)
    content = ContentClient()
    assert content.get(content_path("player", token)).status_code == 200
    settings.CONTENT_LAUNCH_MAX_AGE = -1  # every token is older than that
    response = content.get(content_path("player", token))
    assert response.status_code == 403
    with translation.override("de"):
        message = str(launch_tokens.LaunchExpired())
    assert message.startswith("Diese Sitzung")
    assert message in response.content.decode()
    response = post(content, content_path("h5p_state", token), {"state": "{}"})
    assert response.status_code == 403
    assert response.json()["error"] == message
    assert not H5PUserData.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"user": 0},
        {"module": 0},
        {"block": "another-block"},
        {"package": 0},
        {"enrollment": None},
    ],
)
def test_a_tampered_token_is_refused(signed_in, learner, module, h5p, change):
    _package, block_id = h5p
    token = launch(signed_in, module, block_id)
    content = ContentClient()
    assert content.get(content_path("file", token, path="h5p.json")).status_code == 200
    forged = tampered(token, **change)
    assert content.get(content_path("file", forged, path="h5p.json")).status_code == 404
    response = post(content, content_path("h5p_state", forged), {"state": "{}"})
    assert response.status_code == 404
    assert not H5PUserData.objects.exists()


def test_learner_a_token_cannot_write_for_learner_b_even_with_b_claims(
    learner, other_learner, course, module, h5p
):
    package, block_id = h5p
    enrol(learner, course)
    b_enrollment = enrol(other_learner, course)
    client = Client()
    client.force_login(learner)
    token = launch(client, module, block_id)
    forged = tampered(token, user=other_learner.pk, enrollment=b_enrollment.pk)
    response = post(
        ContentClient(),
        content_path("h5p_statement", forged),
        {"statement": _answered(package)},
    )
    assert response.status_code == 404
    assert not Statement.objects.filter(user=other_learner).exists()


def test_a_token_for_one_block_cannot_open_or_write_another(
    learner, course, module, package_root
):
    h5p_package, scorm_package = store_sample("h5p"), store_sample("scorm12")
    h5p_block, scorm_block = place_packages(module, [h5p_package, scorm_package])
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    token = launch(client, module, h5p_block)
    content = ContentClient()
    # The H5P launch has no SCORM attempt to commit to and no SCORM files.
    commit = content_path("scorm_commit", token, sco_index=0, attempt=1)
    response = post(content, commit, {"cmi": {"core": {"lesson_status": "passed"}}})
    assert response.status_code == 404
    manifest = content_path("file", token, path="imsmanifest.xml")
    assert content.get(manifest).status_code == 404
    forged = tampered(token, block=scorm_block, package=scorm_package.pk)
    assert content.get(content_path("player", forged)).status_code == 404
    assert not ScormAttempt.objects.exists()
    # The SCORM launch of the same learner cannot post H5P statements.
    scorm_token = launch(client, module, scorm_block)
    response = post(
        content,
        content_path("h5p_statement", scorm_token),
        {"statement": _answered(scorm_package)},
    )
    assert response.status_code == 404
    assert not Statement.objects.exists()


def test_a_token_stops_working_when_its_block_changes_package_or_goes_offline(
    signed_in, module, h5p, package_root
):
    _package, block_id = h5p
    token = launch(signed_in, module, block_id)
    content = ContentClient()
    player = content_path("player", token)
    assert content.get(player).status_code == 200
    # The trainer puts another package in the lesson: the old launch is void.
    module.body[1].value["package"] = store_sample("h5p")
    module.save_revision().publish()
    assert content.get(player).status_code == 404
    token = launch(signed_in, module, module.body[1].id)
    assert content.get(content_path("player", token)).status_code == 200
    module.unpublish()
    assert content.get(content_path("player", token)).status_code == 404


def test_a_learner_who_leaves_the_course_loses_the_launch(
    signed_in, learner, course, module, h5p
):
    _package, block_id = h5p
    token = launch(signed_in, module, block_id)
    unenrol(learner, course)
    assert ContentClient().get(content_path("player", token)).status_code == 404


def test_a_token_carries_ids_only_never_a_name_email_or_session(
    signed_in, learner, course, module, h5p
):
    package, block_id = h5p
    token = launch(signed_in, module, block_id)
    claims = json.loads(signing.b64_decode(token.split(":")[0].encode()))
    enrollment = learner.enrollments.get(course_key=course.translation_key)
    assert claims == [learner.pk, module.pk, block_id, package.pk, enrollment.pk]
    session_key = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    for secret in (learner.email, learner.last_name, session_key, package.token):
        assert secret not in token


def _answered(package) -> dict:
    from content_packages import xapi

    return {
        "verb": {"id": xapi.VERBS["answered"]},
        "object": {"id": package.activity_id},
        "result": {"score": {"raw": 1, "max": 1, "scaled": 1}, "completion": True},
    }


# --- One WSGI application, two hosts --------------------------------------------------


@pytest.mark.parametrize(
    ("host", "is_content"),
    [
        ("inhalte.testserver", True),
        ("INHALTE.testserver:443", True),
        ("testserver", False),
        ("inhalte.testserver.evil.example", False),
        ("", False),
    ],
)
def test_requests_go_to_the_content_handler_by_host_name(host, is_content):
    assert is_content_request({"HTTP_HOST": host}) is is_content


@pytest.mark.django_db(transaction=True)
def test_the_live_server_answers_the_content_host_without_reading_or_setting_cookies(
    live_server, e2e_site_for_live
):
    """Real HTTP through the same dispatch as learning/wsgi.py: the content host
    with the platform's session cookie and no token gets 404 and no cookie."""
    course, module, learner = e2e_site_for_live
    client = Client()
    client.force_login(learner)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    content_host = urlsplit(settings.CONTENT_ORIGIN).netloc
    connection = http.client.HTTPConnection("127.0.0.1", live_server.thread.port)
    for path in ("/c/x/player/", "/en/accounts/profile/my-data.json", "/"):
        connection.request(
            "GET",
            path,
            headers={
                "Host": content_host,
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
            },
        )
        response = connection.getresponse()
        body = response.read()
        assert response.status == 404, path
        assert response.getheader("Set-Cookie") is None
        assert learner.email.encode() not in body
    connection.close()


@pytest.fixture
def e2e_site_for_live(transactional_db, learner):
    from demo.pages import create_site_pages
    from tests.factories import make_course, make_course_index

    course = make_course(make_course_index(create_site_pages()), modules=1)
    enrol(learner, course)
    return course, course.get_modules().first().specific, learner
