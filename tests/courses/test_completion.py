"""Activity completion: each condition, their combinations, and "Done" on the server.

A module is complete when every condition the trainer chose is met, derived from
the learner's records (courses.completion). Package conditions are covered in
tests/content_packages/test_completion_conditions.py.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from courses import completion, pipeline, services
from courses.models import (
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    PackageRequirement,
)
from tests.factories import lesson_body, make_course
from tests.quizzes.conftest import publish_quiz, take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    """Messages are checked in German, whatever an earlier test left active."""
    with translation.override("de"):
        yield


def reflection_ids(module) -> list[str]:
    return [b.id for b in module.body if b.block_type == "reflection"]


def states(learner, module) -> dict[str, bool]:
    enrollment = services.get_active_enrollment(learner, services.course_of(module))
    return {
        s.kind: s.met
        for s in completion.module_conditions(enrollment, module)
        if s.required
    }


def status(learner, module) -> str:
    return ModuleProgress.objects.get(
        enrollment__user=learner, module_key=module.translation_key
    ).status


def one_module_course(course_index, **fields):
    course = make_course(course_index, modules=1, module_fields=fields)
    return course, course.get_modules().get().specific


def spend(learner, module, minutes: int) -> None:
    """As if the learner had opened the module `minutes` ago and read since."""
    ModuleProgress.objects.filter(
        enrollment__user=learner, module_key=module.translation_key
    ).update(last_seen_at=timezone.now() - timedelta(minutes=minutes))


# --- Viewed to the end, with a minimum time -------------------------------------------


def test_done_before_the_minimum_time_is_refused_and_changes_nothing(
    learner, course_index
):
    course, module = one_module_course(course_index, completion_minimum_minutes=5)
    services.enrol(learner, course)
    services.record_module_viewed(learner, module)
    spend(learner, module, 2)

    with pytest.raises(services.CompletionRefused) as refused:
        services.complete_module(learner, module)

    assert refused.value.code == "minimum_time"
    assert "nach 3 weiteren Minuten" in refused.value.messages[0]
    progress = ModuleProgress.objects.get()
    assert progress.status == ModuleStatus.IN_PROGRESS
    assert progress.viewed_to_end_at is None
    assert progress.seconds_on_task == 0  # the refused request recorded nothing


def test_done_after_the_minimum_time_on_the_servers_clock_completes(
    learner, course_index
):
    course, module = one_module_course(course_index, completion_minimum_minutes=5)
    services.enrol(learner, course)
    services.record_module_viewed(learner, module)
    spend(learner, module, 6)

    progress = services.complete_module(learner, module)

    assert progress.status == ModuleStatus.COMPLETED
    assert progress.seconds_on_task >= 5 * 60
    assert progress.viewed_to_end_at == progress.completed_at
    assert Enrollment.objects.get().status == EnrollmentStatus.COMPLETED


def test_time_away_from_the_module_does_not_count_towards_the_minimum(
    learner, course_index
):
    course, module = one_module_course(course_index, completion_minimum_minutes=5)
    services.enrol(learner, course)
    services.record_module_viewed(learner, module)
    spend(learner, module, 3 * 60)  # opened three hours ago, then left

    with pytest.raises(services.CompletionRefused):
        services.complete_module(learner, module)


# --- Reflections ----------------------------------------------------------------------


def test_reflections_complete_a_module_once_every_prompt_has_a_note(
    learner, course_index
):
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    module.body = lesson_body(n_reflections=2)
    module.save_revision().publish()
    module.refresh_from_db()
    first, second = reflection_ids(module)
    services.enrol(learner, course)

    services.save_reflection(learner, module, first, "Erste Notiz")
    assert status(learner, module) == ModuleStatus.IN_PROGRESS
    assert states(learner, module) == {"reflection": False}
    services.save_reflection(learner, module, second, "Zweite Notiz")

    assert status(learner, module) == ModuleStatus.COMPLETED
    assert states(learner, module) == {"reflection": True}


def test_deleting_a_note_later_keeps_the_completion(learner, course_index):
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    services.enrol(learner, course)
    (block_id,) = reflection_ids(module)
    services.save_reflection(learner, module, block_id, "Notiz")
    services.save_reflection(learner, module, block_id, "")

    assert status(learner, module) == ModuleStatus.COMPLETED
    assert states(learner, module) == {"reflection": False}


def test_reflection_condition_without_reflections_falls_back_to_done(
    learner, course_index
):
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    module.body = [{"type": "text", "value": "<p>Nur Text.</p>"}]
    module.save_revision().publish()
    services.enrol(learner, course)

    assert states(learner, module) == {"viewed": False}
    assert services.complete_module(learner, module).status == ModuleStatus.COMPLETED


# --- The quiz -------------------------------------------------------------------------


def test_quiz_condition_without_a_published_quiz_cannot_be_met(learner, course_index):
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_quiz_passed=True
    )
    services.enrol(learner, course)

    assert states(learner, module) == {"quiz": False}
    with pytest.raises(services.CompletionRefused) as refused:
        services.complete_module(learner, module)
    assert refused.value.code == "not_manual"


def test_a_failed_quiz_leaves_the_condition_open_a_passed_one_meets_it(
    learner, course_index
):
    course, module = one_module_course(
        course_index, completion_viewed=False, completion_quiz_passed=True
    )
    quiz = publish_quiz(module)
    services.enrol(learner, course)

    take_quiz(learner, quiz, correct=False)
    assert states(learner, module) == {"quiz": False}
    take_quiz(learner, quiz, correct=True)

    assert states(learner, module) == {"quiz": True}
    assert status(learner, module) == ModuleStatus.COMPLETED


# --- Combinations ---------------------------------------------------------------------


def test_viewed_quiz_and_reflection_together_need_all_three_in_any_order(
    learner, course_index
):
    course, module = one_module_course(
        course_index, completion_quiz_passed=True, completion_reflection=True
    )
    quiz = publish_quiz(module)
    (block_id,) = reflection_ids(module)
    services.enrol(learner, course)
    services.record_module_viewed(learner, module)

    assert states(learner, module) == {
        "reflection": False,
        "quiz": False,
        "viewed": False,
    }
    with pytest.raises(services.CompletionRefused) as refused:
        services.complete_module(learner, module)
    assert refused.value.code == "conditions_unmet"
    assert "Abschlusstest" in refused.value.messages[0]

    take_quiz(learner, quiz)
    assert status(learner, module) == ModuleStatus.IN_PROGRESS
    services.save_reflection(learner, module, block_id, "Meine Notiz")
    assert status(learner, module) == ModuleStatus.IN_PROGRESS
    assert states(learner, module) == {
        "reflection": True,
        "quiz": True,
        "viewed": False,
    }

    services.complete_module(learner, module)
    assert status(learner, module) == ModuleStatus.COMPLETED
    assert states(learner, module) == {"reflection": True, "quiz": True, "viewed": True}


def test_quiz_and_minimum_time_done_waits_for_both(learner, course_index):
    course, module = one_module_course(
        course_index, completion_quiz_passed=True, completion_minimum_minutes=10
    )
    quiz = publish_quiz(module)
    services.enrol(learner, course)
    services.record_module_viewed(learner, module)
    take_quiz(learner, quiz)

    with pytest.raises(services.CompletionRefused) as refused:
        services.complete_module(learner, module)
    assert refused.value.code == "minimum_time"
    spend(learner, module, 11)
    assert services.complete_module(learner, module).status == ModuleStatus.COMPLETED


def test_a_module_must_have_at_least_one_condition():
    module = ModulePage(
        title="Ohne",
        slug="ohne",
        body=[],
        completion_viewed=False,
        completion_packages=PackageRequirement.NONE,
    )
    with pytest.raises(ValidationError, match="mindestens eine Bedingung"):
        module.clean()
    module.completion_reflection = True
    module.clean()


def test_a_minimum_time_needs_viewed_to_the_end():
    module = ModulePage(
        title="Zeit",
        slug="zeit",
        body=[],
        completion_viewed=False,
        completion_quiz_passed=True,
        completion_minimum_minutes=5,
    )
    with pytest.raises(ValidationError) as error:
        module.clean()
    assert "completion_minimum_minutes" in error.value.message_dict


# --- The views: ticks, "Done" offered and refused -------------------------------------


def test_module_page_shows_each_condition_with_its_state_and_no_done_yet(
    client, learner, course_index
):
    course, module = one_module_course(
        course_index, completion_quiz_passed=True, completion_reflection=True
    )
    publish_quiz(module)
    services.enrol(learner, course)
    client.force_login(learner)
    html = client.get(module.url).content.decode()

    assert html.count("Offen:</span>") == 3
    assert "Schreiben Sie Ihre Notiz zur Reflexionsfrage" in html
    assert "Bestehen Sie das Quiz „Abschlusstest“" in html
    assert reverse("courses:complete_module", args=[module.pk]) not in html

    (block_id,) = reflection_ids(module)
    services.save_reflection(learner, module, block_id, "Notiz")
    take_quiz(learner, module.get_quiz().specific)
    html = client.get(module.url).content.decode()
    assert html.count("Erfüllt:</span>") == 2
    assert reverse("courses:complete_module", args=[module.pk]) in html


def test_forged_done_is_refused_by_the_server_with_the_reason(
    client, learner, course_index
):
    course, module = one_module_course(course_index, completion_reflection=True)
    services.enrol(learner, course)
    client.force_login(learner)
    client.get(module.url)

    response = client.post(
        reverse("courses:complete_module", args=[module.pk]), follow=True
    )

    assert response.redirect_chain[0][0].startswith(module.url)
    assert (
        "Bevor Sie mit „Fertig“ bestätigen, erledigen Sie bitte: Schreiben Sie "
        "Ihre Notiz zur Reflexionsfrage." in response.content.decode()
    )
    progress = ModuleProgress.objects.get()
    assert progress.status == ModuleStatus.IN_PROGRESS
    assert progress.viewed_to_end_at is None


def test_forged_done_before_the_minimum_time_is_refused(client, learner, course_index):
    course, module = one_module_course(course_index, completion_minimum_minutes=15)
    services.enrol(learner, course)
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert "data-done-wait" in html  # the button is there, hidden until the time

    client.post(reverse("courses:complete_module", args=[module.pk]))

    assert ModuleProgress.objects.get().status == ModuleStatus.IN_PROGRESS


def test_course_outline_lists_the_quiz_and_each_modules_conditions(
    client, learner, course_index
):
    course = make_course(course_index, modules=2)
    lesson, final = (m.specific for m in course.get_modules())
    final.completion_viewed = False
    final.completion_quiz_passed = True
    final.save_revision().publish()
    quiz = publish_quiz(final, title="Lernkontrolle", slug="lernkontrolle")
    services.enrol(learner, course)
    client.force_login(learner)

    html = client.get(course.url).content.decode()
    assert "Bestehen Sie das Quiz „Lernkontrolle“" in html
    assert quiz.url in html
    assert html.count("Offen:</span>") == 2

    services.complete_module(learner, lesson)
    html = client.get(course.url).content.decode()
    assert html.count("Erfüllt:</span>") == 1


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

    assert status(learner, module) == ModuleStatus.COMPLETED
    assert "Sie haben dieses Modul abgeschlossen." in html


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
        "condition 4: viewed",
        "quiz_graded: 100 content_packages: xAPI statement of the graded quiz",
        "module_completed: 100 content_packages: xAPI statement of the completion",
        "course_completed: 100 certificates: issue the certificate",
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
