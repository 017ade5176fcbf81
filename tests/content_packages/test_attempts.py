"""Attempts: a finished SCORM attempt is kept, re-opening offers review or a new
attempt within the block's limit, and the block's rule (best / last) decides
what the course uses. H5P "Try again" starts a new attempt, old results kept.

Through the content origin's real views, as the players send them.
"""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from content_packages.content_views import content_path
from content_packages.models import H5PUserData, ScormAttempt, Statement
from courses.completion import module_conditions
from courses.models import PackageRequirement
from courses.services import course_of, get_active_enrollment
from tests.content_packages.content_client import ContentClient, launch
from tests.content_packages.test_completion_conditions import (
    completed,
    h5p_package,
    scorm_package,
    set_requirement,
    statement,
)
from tests.content_packages.tracking import track

pytestmark = pytest.mark.django_db


def place(module, package, **settings) -> str:
    """The package in the module's lesson with the block's attempt settings."""
    module.body = [
        {"type": "text", "value": "<p>Probieren Sie es aus.</p>"},
        {
            "type": "content_package",
            "value": {
                "package": package.pk,
                "title": "",
                "pass_mark_percent": 50,
                **settings,
            },
        },
    ]
    module.save_revision().publish()
    module.refresh_from_db()
    return next(b.id for b in module.body if b.block_type == "content_package")


def shown(response, msgid: str) -> bool:
    """The page shows this message in the language it was answered in."""
    with translation.override(response["Content-Language"]):
        return gettext(msgid) in response.content.decode()


def player_of(client, module, block_id):
    token = launch(client, module, block_id)
    response = ContentClient().get(content_path("player", token))
    assert response.status_code == 200
    return token, response


def finish(config, status: str, raw: int) -> None:
    """The SCO's terminating commit (LMSFinish) with a status and score."""
    code, _body = track(
        config["commitUrl"],
        {
            "cmi": {
                "core": {
                    "lesson_status": status,
                    "score": {"raw": str(raw), "min": "0", "max": "100"},
                    "exit": "",
                }
            },
            "iqTerminated": True,
        },
    )
    assert code == 200


def new_attempt(token: str):
    return ContentClient().post(
        content_path("scorm_new_attempt", token, sco_index=0), {}
    )


@pytest.fixture
def scorm_in(enrolled, module, package_root, client):
    package = scorm_package()

    def placed(**settings):
        block_id = place(module, package, **settings)
        set_requirement(module, PackageRequirement.PASSED)
        return package, block_id

    return placed


def test_a_new_scorm_attempt_keeps_the_previous_attempts_score(
    scorm_in, enrolled, module, client
):
    package, block_id = scorm_in()
    token, response = player_of(client, module, block_id)
    finish(response.context["config"], "passed", 90)

    # Re-opening offers review and a new attempt, not the finished SCO.
    token, response = player_of(client, module, block_id)
    html = response.content.decode()
    assert response.context["finished"].last.number == 1
    assert shown(response, "Start a new attempt") and "review=1" in html
    assert 'id="sco-frame"' not in html
    # A late or replayed commit to the finished attempt changes nothing.
    code, _body = track(
        content_path("scorm_commit", token, sco_index=0, attempt=1),
        {"cmi": {"core": {"lesson_status": "incomplete"}}},
    )
    assert code == 409
    assert ScormAttempt.objects.get(number=1).completion_status == "passed"

    redirect = new_attempt(token)
    assert redirect.status_code == 303
    _token, response = player_of(client, module, block_id)
    config = response.context["config"]
    assert config["commitUrl"].endswith("/scorm/0/2/commit/")
    assert config["cmi"]["core"].get("lesson_status") is None  # starts anew
    finish(config, "failed", 30)

    first, second = ScormAttempt.objects.filter(user=enrolled).order_by("number")
    assert (first.completion_status, first.score_scaled) == ("passed", 0.9)
    assert (second.completion_status, second.score_scaled) == ("failed", 0.3)
    assert first.finished_at and second.finished_at


def test_review_shows_the_finished_attempt_and_records_nothing(
    scorm_in, module, client
):
    package, block_id = scorm_in()
    _token, response = player_of(client, module, block_id)
    finish(response.context["config"], "passed", 90)
    token = launch(client, module, block_id)
    response = ContentClient().get(content_path("player", token) + "?sco=0&review=1")
    config = response.context["config"]
    assert config["cmi"]["core"]["lesson_mode"] == "review"
    assert config["tracking"] is False and config["commitUrl"] == ""
    assert shown(
        response,
        "Review: you see your finished attempt; nothing you do here is recorded.",
    )


@pytest.mark.parametrize(
    ("rule", "counts"), [("best", True), ("last", False)], ids=["best", "last"]
)
def test_the_rule_decides_which_attempt_the_course_uses(
    scorm_in, enrolled, module, client, rule, counts
):
    """Passed, then failed: the best attempt completes the module, the last
    finished one does not."""
    package, block_id = scorm_in(attempt_rule=rule)
    enrollment = get_active_enrollment(enrolled, course_of(module))
    token, response = player_of(client, module, block_id)
    finish(response.context["config"], "passed", 90)
    new_attempt(token)
    _token, response = player_of(client, module, block_id)
    finish(response.context["config"], "failed", 30)
    states = module_conditions(enrollment, module)
    package_state = next(s for s in states if s.requirement.kind == "package")
    assert package_state.met is counts
    # The finished attempt shows the result that counts.
    _token, response = player_of(client, module, block_id)
    assert response.context["finished"].recorded.score_scaled == (
        0.9 if counts else 0.3
    )


def test_no_new_attempt_beyond_the_blocks_limit(scorm_in, enrolled, module, client):
    package, block_id = scorm_in(max_attempts=1)
    token, response = player_of(client, module, block_id)
    finish(response.context["config"], "failed", 10)
    token, response = player_of(client, module, block_id)
    assert shown(response, "You have used every attempt of this activity.")
    assert not shown(response, "Start a new attempt")
    assert new_attempt(token).status_code == 403
    assert ScormAttempt.objects.filter(user=enrolled).count() == 1


# --- H5P --------------------------------------------------------------------------


def test_h5p_try_again_clears_the_state_and_keeps_the_results(
    enrolled, module, package_root, client
):
    package = h5p_package()
    block_id = place(module, package, max_attempts=2)
    set_requirement(module, PackageRequirement.PASSED)
    token, response = player_of(client, module, block_id)
    retry = response.context["config"]["retry"]
    assert retry == {**retry, "allowed": True, "finished": False}
    # Nothing finished yet: no new attempt.
    attempts_url = content_path("h5p_new_attempt", token)
    assert track(attempts_url, {})[0] == 403
    track(content_path("h5p_state", token), {"state": json.dumps({"answer": 1})})
    passed = statement(package, enrolled, completion=True, success=True)
    passed["id"] = "2c7d3f8e-5d43-4f0a-9a53-1f0f5e0b8a11"
    assert track(content_path("h5p_statement", token), {"statement": passed})[0] == 200

    token, response = player_of(client, module, block_id)
    config = response.context["config"]
    assert config["retry"]["finished"] is True
    assert config["contentUserData"][0]["state"] == json.dumps({"answer": 1})
    code, body = track(content_path("h5p_new_attempt", token), {})
    assert (code, body["attempt"]) == (200, 2)

    _token, response = player_of(client, module, block_id)
    config = response.context["config"]
    assert "contentUserData" not in config or not config["contentUserData"][0]["state"]
    assert config["retry"]["finished"] is False
    assert H5PUserData.objects.get(user=enrolled).attempt == 2
    assert Statement.objects.filter(user=enrolled, package=package).count() == 1
    assert completed(enrolled, module)
    # The second attempt was the last one allowed.
    assert config["retry"]["allowed"] is False


@pytest.mark.parametrize(
    ("rule", "counts"), [("best", True), ("last", False)], ids=["best", "last"]
)
def test_the_rule_decides_which_h5p_attempt_the_course_uses(
    enrolled, module, package_root, client, rule, counts
):
    """Passed, tried again, failed: the best attempt meets the module's
    condition, the last finished one does not."""
    package = h5p_package()
    block_id = place(module, package, max_attempts=2, attempt_rule=rule)
    set_requirement(module, PackageRequirement.PASSED)
    enrollment = get_active_enrollment(enrolled, course_of(module))
    token, _response = player_of(client, module, block_id)
    passed = statement(package, enrolled, completion=True, success=True)
    passed["id"] = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a01"
    assert track(content_path("h5p_statement", token), {"statement": passed})[0] == 200
    token, _response = player_of(client, module, block_id)
    assert track(content_path("h5p_new_attempt", token), {})[0] == 200
    token, _response = player_of(client, module, block_id)
    failed = statement(package, enrolled, completion=True, success=False)
    failed["id"] = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a02"
    assert track(content_path("h5p_statement", token), {"statement": failed})[0] == 200

    states = module_conditions(enrollment, module)
    package_state = next(s for s in states if s.requirement.kind == "package")
    assert package_state.met is counts
