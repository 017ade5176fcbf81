"""axe-core: zero WCAG 2.0/2.1 A and AA violations on every learner and public page.

One test walks the pages in German and English, in the order a learner meets
them, and stops at the first violation naming the rule and the element.
"""

import pytest

from certificates.models import Certificate
from courses import services as course_services
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.e2e.conftest import PASSWORD, assert_accessible, sign_in
from tests.factories import UserFactory
from tests.quizzes.conftest import correct_answers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _both(path: str, name: str) -> list[tuple[str, str]]:
    return [(path, f"{name}-de"), (f"/en{path}", f"{name}-en")]


def _check(page, base: str, pages: list[tuple[str, str]]) -> None:
    for path, name in pages:
        response = page.goto(base + path)
        assert response.ok, f"{name}: {path} answered {response.status}"
        assert_accessible(page, name)


def test_learner_and_public_pages_have_no_wcag_violations_in_german_and_english(
    page, live_server, journey_course
):
    base = live_server.url
    learner = UserFactory(role="learner", first_name="Ayşe", last_name="Yılmaz")
    lesson, final = journey_course.get_modules()
    quiz = final.get_quiz().specific
    course_path = journey_course.url  # the English translation has the same slugs
    lesson_path = f"{course_path}{lesson.slug}/"
    quiz_path = f"{course_path}{final.slug}/{quiz.slug}/"

    _check(
        page,
        base,
        [
            *_both("/", "home"),
            *_both("/accounts/signup/", "registration"),
            *_both("/accounts/login/", "login"),
            *_both("/kurse/", "course-list"),
            *_both(course_path, "course-anonymous"),
        ],
    )

    sign_in(page, base, learner.email, PASSWORD)
    _check(
        page,
        base,
        [
            *_both(course_path, "course-not-enrolled"),
            *_both("/my-learning/", "my-learning-empty"),
            *_both("/certificates/", "my-certificates-empty"),
        ],
    )
    course_services.enrol(learner, journey_course)
    case_study = next(b for b in lesson.specific.body if b.block_type == "case_study")
    _check(
        page,
        base,
        [
            *_both(course_path, "course-enrolled"),
            *_both(lesson_path, "module-every-block"),
            *_both(
                f"{lesson_path}?case-{case_study.id}=2#block-{case_study.id}",
                "module-case-study-feedback",
            ),
            *_both(quiz_path, "quiz-before-attempt"),
        ],
    )

    attempt = start_or_resume_attempt(learner, quiz)
    attempt_path = f"/quizzes/attempt/{attempt.public_id}/"
    _check(page, base, _both(attempt_path, "quiz-attempt-form"))

    course_services.complete_module(learner, lesson.specific)
    submit_attempt(attempt, learner, correct_answers(attempt))
    certificate = Certificate.objects.get(user=learner)
    _check(
        page,
        base,
        [
            *_both(f"{attempt_path}result/", "quiz-result"),
            *_both(quiz_path, "quiz-after-submission"),
            *_both(course_path, "course-completed"),
            *_both("/my-learning/", "my-learning"),
            *_both("/certificates/", "my-certificates"),
            *_both(f"/verify/{certificate.display_code}/", "verification"),
            *_both("/verify/", "verification-form"),
        ],
    )
