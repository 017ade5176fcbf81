"""Serving package files and tracking results: who may, and what is believed.

Files, players and tracking live on the content origin and are addressed by the
launch token the platform's launch URL hands out (tests/content_packages/
content_client.py); the platform itself serves none of them.
"""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from content_packages import xapi
from content_packages.content_views import content_path
from content_packages.models import ScormAttempt, Statement, StatementSource
from courses.services import complete_module, enrol, progress_for, record_quiz_result
from tests.content_packages.conftest import place_package, store_sample
from tests.content_packages.content_client import (
    ContentClient,
    launch,
    launch_url,
    tampered,
)

pytestmark = pytest.mark.django_db

ANSWERED = xapi.VERBS["answered"]


def module_completed(user, course) -> bool:
    return progress_for(user, course).modules[0].is_completed


def post_json(client, url: str, body) -> tuple[int, dict]:
    response = client.post(url, json.dumps(body), content_type="application/json")
    body = response.json()
    body["language"] = response["Content-Language"]
    return response.status_code, body


def says(body: dict, msgid: str) -> bool:
    """The error is this message, in the language the request was answered in."""
    with translation.override(body["language"]):
        return body["error"] == gettext(msgid)


@pytest.fixture
def h5p(package_root, module):
    package = store_sample("h5p")
    block_id = place_package(module, package, pass_mark_percent=50)
    return package, block_id


@pytest.fixture
def enrolled(learner, course, client):
    enrol(learner, course)
    client.force_login(learner)
    return learner


@pytest.fixture
def content():
    """The browser's requests to the content origin."""
    return ContentClient()


def urls(token: str) -> dict:
    return {
        "player": content_path("player", token),
        "statement": content_path("h5p_statement", token),
        "state": content_path("h5p_state", token),
    }


def launched(client, module, block_id: str) -> dict:
    """The content URLs of a launch by the client's user."""
    return urls(launch(client, module, block_id))


def track(url: str, body) -> tuple[int, dict]:
    """A tracking request from the player on the content origin."""
    return post_json(ContentClient(), url, body)


def file_url(token: str, path: str) -> str:
    return content_path("file", token, path=path)


def answered(package, user, scaled: float = 1.0, object_id: str | None = None) -> dict:
    return {
        "actor": xapi.actor_for(user),
        "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
        "object": {
            "id": object_id or package.activity_id,
            "objectType": "Activity",
            "definition": {"name": {"en-US": "Hello World"}},
        },
        "result": {
            "score": {"min": 0, "max": 1, "raw": scaled, "scaled": scaled},
            "completion": True,
            "success": scaled >= 0.5,
            "response": "true",
        },
    }


# --- Access ---------------------------------------------------------------------------


def test_learner_not_enrolled_gets_404_at_launch(client, learner, module, h5p):
    _package, block_id = h5p
    client.force_login(learner)
    assert client.get(launch_url(module, block_id)).status_code == 404
    assert Statement.objects.count() == 0


def test_learner_who_left_the_course_gets_404_for_player_files_and_tracking(
    client, content, enrolled, course, module, h5p
):
    """A token is checked against the enrolment on every request, not only once."""
    from courses.services import unenrol

    package, block_id = h5p
    token = launch(client, module, block_id)
    assert content.get(urls(token)["player"]).status_code == 200
    unenrol(enrolled, course)
    links = urls(token)
    assert content.get(links["player"]).status_code == 404
    assert content.get(file_url(token, "h5p.json")).status_code == 404
    status, _body = post_json(
        content, links["statement"], {"statement": answered(package, enrolled)}
    )
    assert status == 404
    status, _body = post_json(content, links["state"], {"state": "{}"})
    assert status == 404
    assert Statement.objects.count() == 0


def test_anonymous_visitor_gets_404_at_launch_and_for_package_files(
    client, content, module, h5p
):
    package, block_id = h5p
    assert client.get(launch_url(module, block_id)).status_code == 404
    assert content.get(file_url("no-token", "h5p.json")).status_code == 404
    # The former platform URL of the same file is gone.
    old = f"/content-packages/files/{module.pk}/{block_id}/{package.token}/h5p.json"
    assert client.get(old).status_code == 404


def test_learner_not_enrolled_cannot_commit_to_another_learners_attempt(
    client, content, learner, other_learner, course, module, package_root
):
    package = store_sample("scorm12")
    block_id = place_package(module, package)
    enrol(other_learner, course)
    other = Client()
    other.force_login(other_learner)
    other_token = launch(other, module, block_id)
    assert content.get(urls(other_token)["player"]).status_code == 200
    client.force_login(learner)
    assert client.get(launch_url(module, block_id)).status_code == 404
    # The other learner's token with the learner's session: the session counts for
    # nothing on the content origin, and the token's claims cannot be changed.
    content.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    forged = tampered(other_token, user=learner.pk)
    commit = content_path("scorm_commit", forged, sco_index=0, attempt=1)
    status, _body = post_json(
        content, commit, {"cmi": {"core": {"lesson_status": "passed"}}}
    )
    assert status == 404
    attempt = ScormAttempt.objects.get()
    assert attempt.user == other_learner
    assert attempt.completion_status == ""


def test_enrolled_learner_gets_package_files_with_protective_headers(
    client, content, enrolled, module, h5p
):
    _package, block_id = h5p
    token = launch(client, module, block_id)
    response = content.get(file_url(token, "content/content.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    # Framed by the player (this origin) inside the platform's lesson, nothing else.
    assert f"frame-ancestors 'self' {settings.WAGTAILADMIN_BASE_URL}" in csp
    assert "Set-Cookie" not in response
    assert not response.cookies
    assert json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "missing.js", "content/"])
def test_paths_outside_or_absent_in_the_package_are_404(
    client, content, enrolled, module, h5p, path
):
    _package, block_id = h5p
    token = launch(client, module, block_id)
    url = file_url(token, "x")
    assert content.get(url[:-1] + path).status_code == 404


def test_files_are_not_reachable_with_another_packages_token_or_by_media_url(
    client, content, enrolled, module, h5p
):
    package, block_id = h5p
    other = store_sample("scorm12")
    token = launch(client, module, block_id)
    # The launch serves its own package's files only, whatever the path names.
    assert content.get(file_url(token, "imsmanifest.xml")).status_code == 404
    assert (
        content.get(file_url(token, f"../{other.token}/imsmanifest.xml")).status_code
        == 404
    )
    assert content.get(file_url(other.token, "imsmanifest.xml")).status_code == 404
    media_root = settings.MEDIA_ROOT.resolve()
    assert not package.storage_path.resolve().is_relative_to(media_root)
    assert (
        client.get(f"{settings.MEDIA_URL}content_packages/h5p.json").status_code == 404
    )


def test_staff_preview_plays_but_records_nothing(client, content, trainer, module, h5p):
    package, block_id = h5p
    client.force_login(trainer)
    trainer.is_staff = True
    trainer.save()
    links = urls(launch(client, module, block_id))
    response = content.get(links["player"])
    assert response.status_code == 200
    status, body = post_json(
        content, links["statement"], {"statement": answered(package, trainer)}
    )
    assert status == 403
    assert says(body, "You are not enrolled in this course.")
    assert Statement.objects.count() == 0


def test_tracking_accepts_no_platform_session_only_the_launch_token(
    client, enrolled, module, h5p
):
    """Where CSRF once protected the platform's tracking URLs, there is now no
    ambient authority at all: a session cookie without a token records nothing."""
    package, block_id = h5p
    token = launch(client, module, block_id)
    content = ContentClient()
    content.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
        settings.SESSION_COOKIE_NAME
    ].value
    body = {"statement": answered(package, enrolled)}
    for forged in ("x", token[:-2], tampered(token, enrollment=None)):
        response = content.post(
            urls(forged)["statement"], json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 404
        assert not response.cookies
    assert Statement.objects.count() == 0
    status, _body = post_json(content, urls(token)["statement"], body)
    assert status == 200
    assert (
        Statement.objects.filter(user=enrolled, source=StatementSource.H5P).count() == 1
    )


# --- H5P statements -------------------------------------------------------------------


def test_answered_statement_is_stored_as_xapi_and_completes_the_module(
    client, enrolled, course, module, h5p
):
    package, block_id = h5p
    assert not module_completed(enrolled, course)
    status, body = track(
        launched(client, module, block_id)["statement"],
        {"statement": answered(package, enrolled, 1.0)},
    )
    assert status == 200, body
    statement = Statement.objects.get(source=StatementSource.H5P)
    data = statement.data
    assert statement.user == enrolled
    assert data["version"] == "1.0.3"
    assert data["verb"]["id"] == ANSWERED
    assert data["object"]["id"] == package.activity_id
    assert data["result"]["score"]["scaled"] == 1.0
    # The actor is the platform account, never the email address.
    assert "mbox" not in data["actor"]
    assert data["actor"]["account"]["name"] == str(enrolled.xapi_identity.account_name)
    assert enrolled.email not in json.dumps(data)
    enrollment = progress_for(enrolled, course).enrollment
    assert data["context"]["registration"] == xapi.registration_for(enrollment)
    assert module_completed(enrolled, course)
    # The module's completion is a statement of its own, made by the platform.
    module_done = Statement.objects.get(source=StatementSource.MODULE)
    assert module_done.object_id == xapi.module_activity_id(module)
    assert module_done.data["verb"]["id"] == xapi.VERBS["completed"]
    assert (
        module_done.data["context"]["registration"] == data["context"]["registration"]
    )


def test_score_below_the_pass_mark_is_recorded_but_does_not_complete(
    client, enrolled, course, module, h5p
):
    package, block_id = h5p
    status, _body = track(
        launched(client, module, block_id)["statement"],
        {"statement": answered(package, enrolled, 0.0)},
    )
    assert status == 200
    assert Statement.objects.get().score_scaled == 0.0
    assert not module_completed(enrolled, course)


def test_statement_about_another_learner_is_rejected(
    client, enrolled, other_learner, course, module, h5p
):
    package, block_id = h5p
    enrol(other_learner, course)
    status, body = track(
        launched(client, module, block_id)["statement"],
        {"statement": answered(package, other_learner)},
    )
    assert status == 403
    assert says(body, "The statement is about another learner.")
    assert Statement.objects.count() == 0
    assert not module_completed(other_learner, course)
    assert not module_completed(enrolled, course)


def test_statement_with_an_email_actor_is_rejected(client, enrolled, module, h5p):
    package, block_id = h5p
    statement = answered(package, enrolled)
    statement["actor"] = {"mbox": f"mailto:{enrolled.email}", "objectType": "Agent"}
    status, _body = track(
        launched(client, module, block_id)["statement"], {"statement": statement}
    )
    assert status == 403
    assert Statement.objects.count() == 0


def test_client_sent_user_id_is_ignored(
    client, enrolled, other_learner, course, module, h5p
):
    """Only the launch token decides whose statement it is."""
    package, block_id = h5p
    enrol(other_learner, course)
    statement = answered(package, enrolled)
    del statement["actor"]
    status, _body = track(
        launched(client, module, block_id)["statement"],
        {"statement": statement, "user": other_learner.pk, "user_id": other_learner.pk},
    )
    assert status == 200
    assert Statement.objects.get(source=StatementSource.H5P).user == enrolled
    assert not module_completed(other_learner, course)


@pytest.mark.parametrize(
    "object_id",
    [
        "http://example.org/some/other/activity",
        "{activity}-evil",
        "{other_package}",
    ],
)
def test_statement_about_another_activity_is_rejected(
    client, enrolled, course, module, h5p, object_id
):
    package, block_id = h5p
    other = store_sample("scorm12")
    object_id = object_id.format(
        activity=package.activity_id, other_package=other.activity_id
    )
    status, body = track(
        launched(client, module, block_id)["statement"],
        {"statement": answered(package, enrolled, object_id=object_id)},
    )
    assert status == 403
    assert says(body, "The statement is about another activity.")
    assert Statement.objects.count() == 0
    assert not module_completed(enrolled, course)


def test_sub_content_statement_is_kept_but_does_not_complete(
    client, enrolled, course, module, h5p
):
    package, block_id = h5p
    sub = f"{package.activity_id}?subContentId=1234"
    status, _body = track(
        launched(client, module, block_id)["statement"],
        {"statement": answered(package, enrolled, object_id=sub)},
    )
    assert status == 200
    statement = Statement.objects.get()
    assert statement.data["context"]["contextActivities"]["parent"][0]["id"] == (
        package.activity_id
    )
    assert not module_completed(enrolled, course)


def test_impossible_score_is_rejected(client, enrolled, course, module, h5p):
    package, block_id = h5p
    statement = answered(package, enrolled)
    statement["result"]["score"]["scaled"] = 7
    status, _body = track(
        launched(client, module, block_id)["statement"], {"statement": statement}
    )
    assert status == 400
    assert Statement.objects.count() == 0
    assert not module_completed(enrolled, course)


def test_h5p_state_is_saved_and_given_back_to_the_player(client, enrolled, module, h5p):
    _package, block_id = h5p
    links = launched(client, module, block_id)
    state = json.dumps({"answer": True, "score": 1})
    status, _body = track(links["state"], {"state": state})
    assert status == 200
    response = ContentClient().get(links["player"])
    assert response.status_code == 200
    config = response.context["config"]
    assert config["contentUserData"] == [{"state": state}]


def test_h5p_state_that_is_not_json_is_refused(client, enrolled, module, h5p):
    _package, block_id = h5p
    status, _body = track(launched(client, module, block_id)["state"], {"state": "{"})
    assert status == 400


# --- SCORM commits --------------------------------------------------------------------


def _scorm(name: str, module, client):
    package = store_sample(name)
    block_id = place_package(module, package)
    player = urls(launch(client, module, block_id))["player"]
    config = ContentClient().get(player).context["config"]
    return package, block_id, player, config


def test_scorm12_player_uses_scorm_again_with_the_12_api(
    client, enrolled, module, package_root
):
    package, _block_id, player, config = _scorm("scorm12", module, client)
    html = ContentClient().get(player).content.decode()
    assert "vendor/scorm-again/scorm-again.min.js" in html
    assert config["version"] == "1.2"
    # The SCO's page, among the launch's own files on the content origin.
    assert config["launchUrl"] == player.replace(
        "/player/", "/files/shared/launchpage.html"
    )
    assert package.launch_path == "shared/launchpage.html"
    assert config["cmi"]["core"]["student_id"] == str(
        enrolled.xapi_identity.account_name
    )


def test_scorm12_commit_is_saved_resumed_and_completes_the_module(
    client, enrolled, course, module, package_root
):
    package, _block_id, player, config = _scorm("scorm12", module, client)
    status, _body = track(
        config["commitUrl"],
        {
            "cmi": {
                "core": {"lesson_status": "incomplete", "lesson_location": "7"},
                "suspend_data": "page=7;answers=abc",
            }
        },
    )
    assert status == 200
    assert not module_completed(enrolled, course)
    resumed = ContentClient().get(player).context["config"]
    assert resumed["commitUrl"] == config["commitUrl"]
    assert resumed["cmi"]["core"]["lesson_location"] == "7"
    assert resumed["cmi"]["core"]["entry"] == "resume"
    assert resumed["cmi"]["suspend_data"] == "page=7;answers=abc"

    status, _body = track(
        config["commitUrl"],
        {
            "cmi": {
                "core": {
                    "lesson_status": "passed",
                    "lesson_location": "14",
                    "score": {"raw": "80", "min": "0", "max": "100"},
                }
            }
        },
    )
    assert status == 200
    assert module_completed(enrolled, course)
    verbs = set(
        Statement.objects.filter(source=StatementSource.SCORM).values_list(
            "verb_id", flat=True
        )
    )
    assert verbs == {xapi.VERBS["completed"], xapi.VERBS["passed"]}
    passed = Statement.objects.get(verb_id=xapi.VERBS["passed"])
    assert passed.object_id == package.sco_activity_id(0)
    assert passed.score_scaled == pytest.approx(0.8)


def test_scorm2004_commit_maps_completion_and_success(
    client, enrolled, course, module, package_root
):
    _package, _block_id, player, config = _scorm("scorm2004", module, client)
    assert config["version"] == "2004"
    assert "learner_id" in config["cmi"]
    status, _body = track(
        config["commitUrl"],
        {
            "cmi": {
                "completion_status": "completed",
                "success_status": "failed",
                "score": {"scaled": "0.3"},
                "location": "14",
            }
        },
    )
    assert status == 200
    assert not module_completed(enrolled, course)
    status, _body = track(
        config["commitUrl"],
        {
            "cmi": {
                "completion_status": "completed",
                "success_status": "passed",
                "score": {"scaled": "0.9"},
                "location": "14",
                "suspend_data": "done",
            }
        },
    )
    assert status == 200
    assert module_completed(enrolled, course)
    resumed = ContentClient().get(player).context["config"]["cmi"]
    assert resumed["location"] == "14"
    assert resumed["suspend_data"] == "done"


def test_commit_without_cmi_is_refused(client, enrolled, module, package_root):
    _package, _block_id, _player, config = _scorm("scorm12", module, client)
    status, body = track(config["commitUrl"], {"core": {}})
    assert status == 400
    assert body["result"] is False


def test_multi_sco_package_completes_only_when_every_sco_is_done(
    client, enrolled, course, module, package_root
):
    package, _block_id, player, _config = _scorm("scorm12_multi", module, client)
    for index in range(len(package.scos)):
        config = ContentClient().get(f"{player}?sco={index}").context["config"]
        assert not module_completed(enrolled, course)
        status, _body = track(
            config["commitUrl"],
            {"cmi": {"core": {"lesson_status": "completed"}}},
        )
        assert status == 200
    assert module_completed(enrolled, course)


# --- The platform's own statements ----------------------------------------------------


def test_completing_a_module_twice_records_one_statement(enrolled, course, module):
    complete_module(enrolled, module)
    complete_module(enrolled, module)
    statement = Statement.objects.get()
    assert statement.source == StatementSource.MODULE
    assert statement.data["actor"] == xapi.actor_for(enrolled)
    assert statement.data["result"] == {"completion": True}


def test_graded_quiz_is_recorded_as_passed_or_failed_with_its_score(
    enrolled, course, module
):
    record_quiz_result(enrolled, module, passed=False, score_percent=40)
    record_quiz_result(enrolled, module, passed=True, score_percent=85)
    quiz = Statement.objects.filter(source=StatementSource.QUIZ).order_by("timestamp")
    assert [s.verb_id for s in quiz] == [xapi.VERBS["failed"], xapi.VERBS["passed"]]
    assert [s.score_scaled for s in quiz] == [0.4, 0.85]
    assert [s.success for s in quiz] == [False, True]
    assert quiz[1].data["context"]["contextActivities"]["parent"][0]["id"] == (
        xapi.module_activity_id(module)
    )
