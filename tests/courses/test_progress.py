from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import (
    Enrollment,
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
)
from tests.factories import QUIZ_MODULE, make_course, translate_tree
from tests.quizzes.conftest import publish_quiz, take_quiz

pytestmark = pytest.mark.django_db


def test_viewing_a_module_starts_it_but_does_not_complete_it(learner, course, modules):
    services.enrol(learner, course)
    progress = services.record_module_viewed(learner, modules[0])
    assert progress.status == ModuleStatus.IN_PROGRESS
    assert progress.started_at is not None
    assert Enrollment.objects.get().started_at is not None
    again = services.record_module_viewed(learner, modules[0])
    assert again.pk == progress.pk
    assert ModuleProgress.objects.count() == 1


def test_viewing_without_enrolment_is_refused(learner, modules):
    with pytest.raises(services.NotEnrolled):
        services.record_module_viewed(learner, modules[0])
    assert not ModuleProgress.objects.exists()


def test_completing_a_module_twice_keeps_first_completion_time(
    learner, course, modules
):
    services.enrol(learner, course)
    first = services.complete_module(learner, modules[0])
    second = services.complete_module(learner, modules[0])
    assert second.status == ModuleStatus.COMPLETED
    assert second.completed_at == first.completed_at
    assert ModuleProgress.objects.count() == 1


def test_course_completes_when_all_required_modules_complete(learner, course, modules):
    enrollment = services.enrol(learner, course)
    for module in modules[:-1]:
        services.complete_module(learner, module)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE
    services.complete_module(learner, modules[-1])
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.completed_at is not None
    assert services.progress_for(learner, course).percent == 100


def test_optional_modules_do_not_block_course_completion(learner, course, modules):
    optional = modules[1]
    optional.is_required = False
    optional.save_revision().publish()
    enrollment = services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    services.complete_module(learner, modules[2])
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    progress = services.progress_for(learner, course)
    assert progress.total_count == 2
    assert progress.next_module.pk == optional.pk


def test_quiz_module_completes_only_when_quiz_passed(learner, course_index):
    course = make_course(course_index, modules=1, module_fields=QUIZ_MODULE)
    module = course.get_modules().get().specific
    quiz = publish_quiz(module)
    services.enrol(learner, course)
    take_quiz(learner, quiz, correct=False)
    failed = ModuleProgress.objects.get()
    assert failed.status == ModuleStatus.IN_PROGRESS
    assert failed.best_quiz_score_percent == 0
    take_quiz(learner, quiz, correct=True)
    passed = ModuleProgress.objects.get()
    assert passed.status == ModuleStatus.COMPLETED
    assert passed.best_quiz_score_percent == 100
    assert Enrollment.objects.get().status == EnrollmentStatus.COMPLETED


def test_reported_quiz_results_keep_the_best_score(learner, course, modules):
    services.enrol(learner, course)
    failed = services.record_quiz_result(
        learner, modules[0], passed=False, score_percent=40
    )
    assert failed.status == ModuleStatus.IN_PROGRESS
    assert failed.best_quiz_score_percent == 40
    passed = services.record_quiz_result(
        learner, modules[0], passed=True, score_percent="85.5"
    )
    assert str(passed.best_quiz_score_percent) == "85.50"
    lower = services.record_quiz_result(
        learner, modules[0], passed=True, score_percent=70
    )
    assert str(lower.best_quiz_score_percent) == "85.50"
    assert str(ModuleProgress.objects.get().best_quiz_score_percent) == "85.50"


def test_passed_quiz_does_not_complete_a_viewed_module(learner, course, modules):
    services.enrol(learner, course)
    progress = services.record_quiz_result(
        learner, modules[0], passed=True, score_percent=100
    )
    assert progress.status == ModuleStatus.IN_PROGRESS


def test_progress_is_shared_across_german_and_english(learner, course, modules):
    english_course = translate_tree(course, "en")
    english_modules = list(english_course.get_modules())
    assert len(english_modules) == 3
    services.enrol(learner, course)
    services.complete_module(learner, modules[0])
    services.complete_module(learner, english_modules[1])

    assert services.get_active_enrollment(learner, english_course) is not None
    assert services.enrol(learner, english_course).pk == Enrollment.objects.get().pk
    german = services.progress_for(learner, course)
    english = services.progress_for(learner, english_course)
    assert german.completed_count == english.completed_count == 2
    assert english.next_module.pk == english_modules[2].pk
    assert german.next_module.pk == modules[2].pk

    services.complete_module(learner, english_modules[2])
    assert Enrollment.objects.get().status == EnrollmentStatus.COMPLETED
    assert ModuleProgress.objects.count() == 3


def test_course_of_walks_up_from_module(course, modules):
    assert services.course_of(modules[1]).pk == course.pk
    assert services.course_of(course).pk == course.pk


def test_time_on_task_counts_recent_gaps_only(learner, course, modules):
    services.enrol(learner, course)
    progress = services.record_module_viewed(learner, modules[0])
    ModuleProgress.objects.filter(pk=progress.pk).update(
        last_seen_at=timezone.now() - timedelta(minutes=5)
    )
    progress = services.complete_module(learner, modules[0])
    assert 290 <= progress.seconds_on_task <= 310
    ModuleProgress.objects.filter(pk=progress.pk).update(
        last_seen_at=timezone.now() - timedelta(hours=3)
    )
    progress = services.record_module_viewed(learner, modules[0])
    assert progress.seconds_on_task <= 310


def test_progress_for_anonymous_user_lists_modules_without_enrolment(
    course, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    progress = services.progress_for(AnonymousUser(), course)
    assert not progress.is_enrolled
    assert len(progress.modules) == 3
    assert progress.percent == 0


def test_progress_for_uses_constant_queries(
    learner, course_index, django_assert_max_num_queries
):
    small = make_course(course_index, modules=3)
    large = make_course(course_index, modules=30)
    for course in (small, large):
        services.enrol(learner, course)
        with django_assert_max_num_queries(3):
            services.progress_for(learner, course)


def test_repeat_visits_add_time_on_task_and_keep_a_completion(
    client, learner, course, modules
):
    """The page's visit posts (not its GETs) add the time between them."""
    services.enrol(learner, course)
    client.force_login(learner)
    seen = reverse("courses:module_seen", args=[modules[0].pk])
    assert client.get(modules[0].url).status_code == 200
    client.post(seen)
    progress = ModuleProgress.objects.get()
    five_minutes_ago = timezone.now() - timedelta(minutes=5)
    ModuleProgress.objects.filter(pk=progress.pk).update(last_seen_at=five_minutes_ago)
    assert client.get(modules[0].url).status_code == 200
    client.post(seen)
    progress.refresh_from_db()
    assert 290 <= progress.seconds_on_task <= 310
    assert progress.last_seen_at > five_minutes_ago
    assert progress.status == ModuleStatus.IN_PROGRESS

    services.complete_module(learner, modules[0])
    assert client.get(modules[0].url).status_code == 200
    client.post(seen)
    progress.refresh_from_db()
    assert progress.status == ModuleStatus.COMPLETED
    assert ModuleProgress.objects.count() == 1
