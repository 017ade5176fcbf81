"""Activity completion: each condition, their combinations, and "Done" on the server.

A module is complete when every condition the trainer chose is met, derived from
the learner's records (courses.completion). Package conditions are covered in
tests/content_packages/test_completion_conditions.py.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.models import (
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    PackageRequirement,
)
from tests.courses.completion_helpers import (
    german,  # noqa: F401 (autouse fixture)
    one_module_course,
    reflection_ids,
    spend,
    states,
    status,
)
from tests.factories import lesson_body, make_course
from tests.quizzes.conftest import publish_quiz, take_quiz

pytestmark = pytest.mark.django_db


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
    client.post(reverse("courses:module_seen", args=[module.pk]))  # the page's post

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
    client.post(reverse("courses:module_seen", args=[module.pk]))  # the page's post

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
