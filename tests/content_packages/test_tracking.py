"""Tracking results on the content origin: what is believed, what is stored.

The players post to the content origin under the launch token the platform's
launch URL hands out (tests/content_packages/content_client.py).
"""

import json

import pytest

from content_packages import xapi
from content_packages.models import Statement, StatementSource
from courses.services import complete_module, enrol, progress_for, record_quiz_result
from tests.content_packages.conftest import place_package, store_sample
from tests.content_packages.content_client import (
    ContentClient,
    launch,
)
from tests.content_packages.tracking import (
    ANSWERED,
    answered,
    launched,
    module_completed,
    says,
    track,
    urls,
)

pytestmark = pytest.mark.django_db


# --- H5P statements -------------------------------------------------------------------


def test_answered_statement_is_stored_as_xapi_and_completes_the_module(
    client, enrolled, course, module, h5p, django_capture_on_commit_callbacks
):
    package, block_id = h5p
    assert not module_completed(enrolled, course)
    with django_capture_on_commit_callbacks(execute=True):  # the xAPI steps
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


def test_completing_a_module_twice_records_one_statement(
    enrolled, course, module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # after commit
        complete_module(enrolled, module)
        complete_module(enrolled, module)
    statement = Statement.objects.get()
    assert statement.source == StatementSource.MODULE
    assert statement.data["actor"] == xapi.actor_for(enrolled)
    assert statement.data["result"] == {"completion": True}


def test_graded_quiz_is_recorded_as_passed_or_failed_with_its_score(
    enrolled, course, module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # after commit
        record_quiz_result(enrolled, module, passed=False, score_percent=40)
        record_quiz_result(enrolled, module, passed=True, score_percent=85)
    quiz = Statement.objects.filter(source=StatementSource.QUIZ).order_by("timestamp")
    assert [s.verb_id for s in quiz] == [xapi.VERBS["failed"], xapi.VERBS["passed"]]
    assert [s.score_scaled for s in quiz] == [0.4, 0.85]
    assert [s.success for s in quiz] == [False, True]
    assert quiz[1].data["context"]["contextActivities"]["parent"][0]["id"] == (
        xapi.module_activity_id(module)
    )
