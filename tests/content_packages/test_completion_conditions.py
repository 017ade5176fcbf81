"""Package conditions of module completion, through the tracking services.

How a package counts is the trainer's choice on the module (courses.models.
PackageRequirement): completed whatever the score, passed by the package's own
verdict, or the pass mark set on its block. Small packages built here, so these
run without the shared samples.
"""

import json
import uuid

import pytest
from django.utils import translation

from certificates.models import Certificate
from content_packages import services, xapi
from content_packages.models import StatementSource
from courses import completion, pipeline
from courses.models import (
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
    PackageRequirement,
)
from courses.services import CompletionRefused, complete_module, enrol
from tests.content_packages.conftest import place_packages, upload, zip_bytes
from tests.content_packages.test_validation import scorm_zip
from tests.content_packages.tracking import launched, track
from tests.factories import make_certificate_template

pytestmark = pytest.mark.django_db


def h5p_package(library: str = "H5P.TrueFalse", title: str = "Wahr oder falsch"):
    metadata = {"title": title, "mainLibrary": library, "preloadedDependencies": []}
    data = zip_bytes({"h5p.json": json.dumps(metadata), "content/content.json": "{}"})
    return services.store_package(upload(data, "test.h5p"), filename="test.h5p")


def scorm_package():
    return services.store_package(upload(scorm_zip(), "test.zip"), filename="test.zip")


def set_requirement(module, requirement: str, *, viewed: bool = False) -> None:
    module.completion_packages = requirement
    module.completion_viewed = viewed
    module.save_revision().publish()
    module.refresh_from_db()


def statement(package, user, verb="answered", **result) -> dict:
    return {
        "actor": xapi.actor_for(user),
        "verb": {"id": xapi.VERBS[verb]},
        "object": {"id": package.activity_id, "objectType": "Activity"},
        "result": result,
    }


def send(user, module, block_id, body) -> None:
    placement = services.get_placement(user, module.pk, block_id)
    services.record_h5p_statement(user, placement, body)


def commit(user, module, block_id, cmi: dict) -> None:
    placement = services.get_placement(user, module.pk, block_id)
    attempt = services.current_attempt(user, placement, 0)
    services.record_scorm_commit(user, placement, 0, attempt.number, {"cmi": cmi})


def completed(user, module) -> bool:
    row = ModuleProgress.objects.filter(
        enrollment__user=user, module_key=module.translation_key
    ).first()
    return row is not None and row.status == ModuleStatus.COMPLETED


@pytest.fixture
def learner_in(learner, course):
    enrol(learner, course)
    return learner


def test_completed_counts_a_finished_package_whatever_the_score(
    learner_in, module, package_root
):
    package = h5p_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=80)
    set_requirement(module, PackageRequirement.COMPLETED)

    send(learner_in, module, block_id, statement(package, learner_in, "interacted"))
    assert not completed(learner_in, module)
    send(
        learner_in,
        module,
        block_id,
        statement(
            package,
            learner_in,
            completion=True,
            success=False,
            score={"scaled": 0.1},
        ),
    )
    assert completed(learner_in, module)


def test_passed_follows_the_packages_own_verdict_not_the_block_mark(
    learner_in, module, package_root
):
    package = h5p_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=50)
    set_requirement(module, PackageRequirement.PASSED)

    high_but_failed = statement(
        package, learner_in, completion=True, success=False, score={"scaled": 0.9}
    )
    send(learner_in, module, block_id, high_but_failed)
    assert not completed(learner_in, module)
    low_but_passed = statement(
        package, learner_in, completion=True, success=True, score={"scaled": 0.3}
    )
    send(learner_in, module, block_id, low_but_passed)
    assert completed(learner_in, module)


def test_the_block_pass_mark_decides_over_the_packages_verdict(
    learner_in, module, package_root
):
    package = h5p_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=70)
    set_requirement(module, PackageRequirement.PASS_MARK)

    send(
        learner_in,
        module,
        block_id,
        statement(
            package, learner_in, completion=True, success=True, score={"scaled": 0.6}
        ),
    )
    assert not completed(learner_in, module)
    send(
        learner_in,
        module,
        block_id,
        statement(package, learner_in, completion=True, score={"scaled": 0.7}),
    )
    assert completed(learner_in, module)


def test_content_without_a_result_counts_once_the_learner_interacted(
    learner_in, module, package_root
):
    package = h5p_package("H5P.Accordion", "Glossar")
    (block_id,) = place_packages(module, [package], pass_mark_percent=50)
    set_requirement(module, PackageRequirement.PASS_MARK)

    send(learner_in, module, block_id, statement(package, learner_in, "interacted"))

    assert completed(learner_in, module)


def test_every_package_of_the_module_is_needed(learner_in, module, package_root):
    first, second = h5p_package(title="Eins"), h5p_package(title="Zwei")
    ids = place_packages(module, [first, second], pass_mark_percent=50)
    set_requirement(module, PackageRequirement.COMPLETED)

    send(learner_in, module, ids[0], statement(first, learner_in, completion=True))
    assert not completed(learner_in, module)
    send(learner_in, module, ids[1], statement(second, learner_in, completion=True))
    assert completed(learner_in, module)


def test_scorm_completed_counts_a_failed_finish_passed_does_not(
    learner, other_learner, course, module, package_root
):
    package = scorm_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=50)
    for user in (learner, other_learner):
        enrol(user, course)

    set_requirement(module, PackageRequirement.PASSED)
    commit(learner, module, block_id, {"core": {"lesson_status": "failed"}})
    assert not completed(learner, module)

    set_requirement(module, PackageRequirement.COMPLETED)
    commit(other_learner, module, block_id, {"core": {"lesson_status": "failed"}})
    assert completed(other_learner, module)


def test_scorm_score_below_the_block_mark_does_not_count_even_if_passed(
    learner_in, module, package_root
):
    package = scorm_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=80)
    set_requirement(module, PackageRequirement.PASS_MARK)

    low = {"lesson_status": "passed", "score": {"raw": "60", "max": "100"}}
    commit(learner_in, module, block_id, {"core": low})
    assert not completed(learner_in, module)
    high = {"lesson_status": "passed", "score": {"raw": "85", "max": "100"}}
    commit(learner_in, module, block_id, {"core": high})
    assert completed(learner_in, module)


def test_packages_that_do_not_count_are_listed_and_done_completes(
    learner_in, module, package_root
):
    package = h5p_package()
    place_packages(module, [package])
    set_requirement(module, PackageRequirement.NONE, viewed=True)

    enrollment = learner_in.enrollments.get()
    with translation.override("de"):
        states = completion.module_conditions(enrollment, module)
    assert [(s.kind, s.required) for s in states] == [
        ("package", False),
        ("viewed", True),
    ]
    assert states[0].label == "Interaktiver Inhalt (freiwillig): Wahr oder falsch"
    assert complete_module(learner_in, module).status == ModuleStatus.COMPLETED


def test_done_waits_for_the_package_then_completes(learner_in, module, package_root):
    package = h5p_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=50)
    set_requirement(module, PackageRequirement.PASS_MARK, viewed=True)

    with pytest.raises(CompletionRefused) as refused:
        complete_module(learner_in, module)
    assert "Wahr oder falsch" in refused.value.messages[0]
    send(
        learner_in,
        module,
        block_id,
        statement(package, learner_in, completion=True, score={"scaled": 1.0}),
    )
    assert not completed(learner_in, module)  # "Done" is still the learner's
    complete_module(learner_in, module)
    assert completed(learner_in, module)


def test_a_result_stored_without_its_completion_is_repaired_certifying_once(
    learner, course, module, package_root, settings, tmp_path
):
    """The statement was written, the completion lost (the old 500 after the
    write): the repair completes module and course and issues one certificate."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    course.certificate_template = make_certificate_template()
    course.save_revision().publish()
    package = h5p_package()
    place_packages(module, [package], pass_mark_percent=50)
    enrollment = enrol(learner, course)
    xapi.record_statement(
        user=learner,
        verb_name="answered",
        object_id=package.activity_id,
        source=StatementSource.H5P,
        result={"completion": True, "score": {"scaled": 1.0}},
        enrollment=enrollment,
        package=package,
    )
    assert not completed(learner, module)

    assert pipeline.repair(enrollment) == pipeline.Repaired(modules=1, courses=1)
    assert pipeline.repair(enrollment) == pipeline.Repaired()

    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert Certificate.objects.filter(user=learner).count() == 1


def test_a_statement_sent_again_with_its_id_is_stored_once(
    client, learner_in, other_learner, course, module, package_root
):
    package = h5p_package()
    (block_id,) = place_packages(module, [package], pass_mark_percent=50)
    body = statement(package, learner_in, completion=True, score={"scaled": 1.0})
    body["id"] = str(uuid.uuid4())
    client.force_login(learner_in)
    url = launched(client, module, block_id)["statement"]

    for _attempt in range(2):
        status, _answer = track(url, {"statement": body})
        assert status == 200
    assert package.statements.filter(pk=body["id"]).count() == 1
    assert package.statements.count() == 1
    assert completed(learner_in, module)

    enrol(other_learner, course)
    client.force_login(other_learner)
    other_url = launched(client, module, block_id)["statement"]
    body["actor"] = xapi.actor_for(other_learner)
    status, _answer = track(other_url, {"statement": body})
    assert status == 403
    assert package.statements.count() == 1
