"""The SCORM data model from the manifest (#14.1), through the player's config
and the tracking views: values passed to the runtime API, the outcome by the
passing / mastery score, the rollup without assets, the manifest's attempt limit."""

import pytest

from content_packages import manifest
from content_packages.content_views import content_path
from content_packages.models import ScormAttempt
from courses.models import PackageRequirement
from tests.content_packages.content_client import ContentClient, launch
from tests.content_packages.manifests import package_12, package_2004, store
from tests.content_packages.test_attempts import place
from tests.content_packages.test_completion_conditions import (
    completed,
    set_requirement,
)
from tests.content_packages.tracking import track

pytestmark = pytest.mark.django_db


def config_of(client, module, block_id, sco: int = 0) -> tuple[str, dict]:
    token = launch(client, module, block_id)
    response = ContentClient().get(content_path("player", token) + f"?sco={sco}")
    return token, response.context["config"]


def test_2004_manifest_values_reach_the_cmi(enrolled, module, package_root, client):
    package = store(package_2004())
    block_id = place(module, package)
    _token, config = config_of(client, module, block_id)
    cmi = config["cmi"]
    assert cmi["scaled_passing_score"] == "0.8"
    assert cmi["completion_threshold"] == "0.75"
    assert cmi["launch_data"] == "level=2"
    assert cmi["objectives"] == [{"id": "obj-main"}, {"id": "obj-extra"}]
    _token, config = config_of(client, module, block_id, sco=2)
    assert "scaled_passing_score" not in config["cmi"]
    assert manifest.reporting_scos(package) == [0, 2]


def test_12_manifest_values_reach_the_cmi(enrolled, module, package_root, client):
    package = store(package_12())
    block_id = place(module, package)
    _token, config = config_of(client, module, block_id)
    assert config["cmi"]["student_data"] == {
        "mastery_score": "80",
        "max_time_allowed": "00:30:00",
        "time_limit_action": "exit,message",
    }
    assert config["cmi"]["launch_data"] == "mode=exam"


@pytest.mark.parametrize(("raw", "status"), [("85", "passed"), ("70", "failed")])
def test_12_mastery_score_decides_passed_or_failed(
    enrolled, module, package_root, client, raw, status
):
    package = store(package_12())
    block_id = place(module, package)
    _token, config = config_of(client, module, block_id)
    code, _body = track(
        config["commitUrl"],
        {"cmi": {"core": {"lesson_status": "completed", "score": {"raw": raw}}}},
    )
    assert code == 200
    assert ScormAttempt.objects.get(user=enrolled).completion_status == status


@pytest.mark.parametrize(("scaled", "status"), [("0.85", "passed"), ("0.5", "failed")])
def test_2004_scaled_passing_score_decides_success(
    enrolled, module, package_root, client, scaled, status
):
    package = store(package_2004())
    block_id = place(module, package)
    _token, config = config_of(client, module, block_id)
    code, _body = track(
        config["commitUrl"],
        {"cmi": {"completion_status": "completed", "score": {"scaled": scaled}}},
    )
    assert code == 200
    assert ScormAttempt.objects.get(user=enrolled).success_status == status


def test_rollup_ignores_assets_and_needs_every_reporting_sco(
    enrolled, course, module, package_root, client
):
    package = store(package_2004())
    block_id = place(module, package)
    set_requirement(module, PackageRequirement.PASSED)
    for sco, done in ((0, False), (2, True)):
        _token, config = config_of(client, module, block_id, sco=sco)
        code, _body = track(
            config["commitUrl"],
            {"cmi": {"completion_status": "completed", "score": {"scaled": "0.9"}}},
        )
        assert code == 200
        assert completed(enrolled, module) is done


def test_manifest_attempt_limit_applies(enrolled, module, package_root, client):
    package = store(package_2004())
    block_id = place(module, package)  # no limit on the block; the manifest: 2
    for number in (1, 2):
        token, config = config_of(client, module, block_id)
        assert config["commitUrl"].endswith(f"/scorm/0/{number}/commit/")
        body = {"completion_status": "completed", "exit": "normal"}
        code, _body = track(config["commitUrl"], {"cmi": body, "iqTerminated": True})
        assert code == 200
        new = ContentClient().post(
            content_path("scorm_new_attempt", token, sco_index=0), {}
        )
        assert new.status_code == (303 if number == 1 else 403)
    assert ScormAttempt.objects.filter(user=enrolled, sco_index=0).count() == 2
