"""Activity completion recomputed: lost requests, changed conditions, the repair
command, publishing, and simultaneous records of one learner.

The conditions themselves are in test_completion.py.
"""

import pytest
from django.urls import reverse

from courses import pipeline, services
from courses.models import (
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
)
from tests.courses.completion_helpers import (
    german,  # noqa: F401 (autouse fixture)
    one_module_course,
    reflection_ids,
    status,
)
from tests.factories import make_course
from tests.quizzes.conftest import publish_quiz, take_quiz

pytestmark = pytest.mark.django_db


# --- Recomputation --------------------------------------------------------------------


def test_a_lost_completion_is_recomputed_and_certifies_exactly_once(
    learner, course_index, settings, tmp_path
):
    """The note was stored, the request's completion lost (say, a 500 after the
    write): repairing completes module and course and issues one certificate."""
    from certificates.models import Certificate
    from courses.models import ReflectionEntry
    from tests.factories import make_certificate_template

    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    course.certificate_template = make_certificate_template()
    course.save_revision().publish()
    enrollment = services.enrol(learner, course)
    (block_id,) = reflection_ids(module)
    ReflectionEntry.objects.create(
        user=learner, module_key=module.translation_key, block_id=block_id, text="x"
    )
    assert not ModuleProgress.objects.filter(status=ModuleStatus.COMPLETED).exists()

    assert pipeline.repair(enrollment) == pipeline.Repaired(modules=1, courses=1)
    assert pipeline.repair(enrollment) == pipeline.Repaired()

    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert status(learner, module) == ModuleStatus.COMPLETED
    assert Certificate.objects.filter(user=learner).count() == 1


def test_opening_the_module_completes_what_a_lost_request_left_undone(
    client, learner, course_index
):
    from courses.models import ReflectionEntry

    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    services.enrol(learner, course)
    (block_id,) = reflection_ids(module)
    ReflectionEntry.objects.create(
        user=learner, module_key=module.translation_key, block_id=block_id, text="x"
    )
    client.force_login(learner)

    html = client.get(module.url).content.decode()
    assert "Sie haben dieses Modul abgeschlossen." in html
    # The GET writes nothing; the page's visit post settles what it showed.
    assert 'name="settle" value="1"' in html
    client.post(reverse("courses:module_seen", args=[module.pk]), {"settle": "1"})

    assert status(learner, module) == ModuleStatus.COMPLETED


def test_changed_conditions_keep_completions_and_apply_to_the_others(
    learner, other_learner, course_index
):
    course, module = one_module_course(course_index)
    services.enrol(learner, course)
    services.complete_module(learner, module)

    module.completion_viewed = False
    module.completion_quiz_passed = True
    module.save_revision().publish()
    quiz = publish_quiz(module)
    module = ModulePage.objects.get(pk=module.pk)

    assert status(learner, module) == ModuleStatus.COMPLETED  # stays
    services.enrol(other_learner, course)
    with pytest.raises(services.CompletionRefused):
        services.complete_module(other_learner, module)
    take_quiz(other_learner, quiz)
    assert status(other_learner, module) == ModuleStatus.COMPLETED


def test_the_repair_command_completes_what_new_conditions_allow(
    learner, other_learner, course_index
):
    from io import StringIO

    from django.core.management import call_command

    course, module = one_module_course(course_index)
    (block_id,) = reflection_ids(module)
    for user in (learner, other_learner):
        services.enrol(user, course)
    services.save_reflection(learner, module, block_id, "Notiz")
    assert status(learner, module) == ModuleStatus.IN_PROGRESS  # "Done" missing

    # The trainer now asks for the note instead of "Done".
    module.completion_viewed = False
    module.completion_reflection = True
    module.save_revision().publish()
    out = StringIO()
    call_command("repair_completions", stdout=out)

    assert out.getvalue().strip() == (
        "2 active enrolments checked: 1 modules and 1 courses completed."
    )
    assert status(learner, module) == ModuleStatus.COMPLETED
    assert not ModuleProgress.objects.filter(enrollment__user=other_learner).exists()
    again = StringIO()
    call_command("repair_completions", course=course.pk, stdout=again)
    assert "0 modules and 0 courses" in again.getvalue()


def test_publishing_new_conditions_completes_who_now_meets_them(
    learner, other_learner, course_index, django_capture_on_commit_callbacks
):
    course, module = one_module_course(course_index)
    (block_id,) = reflection_ids(module)
    for user in (learner, other_learner):
        services.enrol(user, course)
    services.save_reflection(learner, module, block_id, "Notiz")
    services.record_module_viewed(other_learner, module)

    module.completion_viewed = False
    module.completion_reflection = True
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()  # the recount is queued on commit

    assert status(learner, module) == ModuleStatus.COMPLETED
    assert status(other_learner, module) == ModuleStatus.IN_PROGRESS
    assert Enrollment.objects.get(user=learner).status == EnrollmentStatus.COMPLETED


def test_the_pipeline_lists_its_conditions_and_steps_in_order():
    assert pipeline.describe() == [
        "condition 1: package",
        "condition 2: reflection",
        "condition 3: quiz",
        "condition 4: attendance",
        "condition 5: viewed",
        "quiz_graded: 100 content_packages: xAPI statement of the graded quiz"
        " (after commit)",
        "module_completed: 100 content_packages: xAPI statement of the completion"
        " (after commit)",
        "course_completed: 100 certificates: issue the certificate",
        "course_completed: 200 reports: ESF+ exit questionnaire",
        "enrolments_changed: 100 reports: refresh the participation facts",
    ]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_records_of_one_learner_complete_once(
    site_root, settings, tmp_path
):
    """A note, a quiz pass and two "Done"s at the same moment: one completion,
    one xAPI statement of it, one certificate."""
    import threading

    from django.db import connection, connections

    from certificates.models import Certificate
    from content_packages.models import Statement, StatementSource
    from tests.factories import (
        UserFactory,
        make_certificate_template,
        make_course_index,
    )

    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite serialises all writers, so there is no real concurrency to test; "
            "this runs on PostgreSQL (tests/make_run covers SQLite's own locking)."
        )
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)  # the PDF is rendered on commit
    course = make_course(make_course_index(site_root), modules=1)
    course.certificate_template = make_certificate_template()
    course.save_revision().publish()
    module = course.get_modules().get().specific
    module.completion_reflection = True
    module.completion_quiz_passed = True
    module.save_revision().publish()
    quiz = publish_quiz(module)
    learner = UserFactory(role="learner")
    services.enrol(learner, course)
    (block_id,) = reflection_ids(module)
    services.record_module_viewed(learner, module)
    services.save_reflection(learner, module, block_id, "Notiz")
    barrier = threading.Barrier(4)
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except services.CompletionRefused:
            pass  # a "Done" that came before the quiz was graded: refused, fine
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    fresh = ModulePage.objects.get(pk=module.pk)
    actions = [
        lambda: take_quiz(learner, quiz),
        lambda: services.save_reflection(learner, fresh, block_id, "Neu"),
        lambda: services.complete_module(learner, fresh),
        lambda: services.complete_module(learner, fresh),
    ]
    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    if status(learner, module) != ModuleStatus.COMPLETED:
        services.complete_module(learner, module)  # both "Done"s came too early

    assert status(learner, module) == ModuleStatus.COMPLETED
    assert (
        Statement.objects.filter(user=learner, source=StatementSource.MODULE).count()
        == 1
    )
    assert Certificate.objects.filter(user=learner).count() == 1
    assert Enrollment.objects.get().status == EnrollmentStatus.COMPLETED
