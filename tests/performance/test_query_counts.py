"""Every learner page costs the same number of queries for 3 and for 30 modules.

Course and module pages are covered in tests/courses/test_views.py and the quiz
pages for 3 and 30 questions in tests/quizzes/test_views.py; these add the course
list, the quiz, attempt and result pages, "my learning" and "my certificates" for
courses of 3 and 30 modules. Bounds are the measured count on SQLite and
PostgreSQL plus a little slack; a query per module would exceed them at 30.
"""

import pytest
from django.urls import reverse

from certificates.models import Certificate
from courses import services
from quizzes.models import QuizPage
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.factories import make_certificate_template, make_course
from tests.quizzes.conftest import correct_answers, single_choice

pytestmark = pytest.mark.django_db

SIZES = [3, 30]
COURSE_LIST_QUERIES = 13
QUIZ_PAGE_QUERIES = 20
ATTEMPT_PAGE_QUERIES = 5
RESULT_PAGE_QUERIES = 7
MY_LEARNING_QUERIES = 10  # 9 measured: with the live sessions and calendar feed
MY_CERTIFICATES_QUERIES = 5


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Certificate PDFs go to a fresh private directory per test."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


def _course_with_quiz(course_index, modules: int):
    """A course whose last module is completed by passing its quiz."""
    template = make_certificate_template()
    course = make_course(course_index, modules=modules, certificate_template=template)
    last = course.get_modules().last().specific
    last.completion_viewed = False
    last.completion_quiz_passed = True
    last.save_revision().publish()
    quiz = last.add_child(
        instance=QuizPage(
            title="Abschlusstest",
            slug="abschlusstest",
            questions=[single_choice(qid=f"q{i}") for i in range(3)],
            pass_mark_percent=50,
        )
    )
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return course, quiz


def _complete(learner, course, quiz):
    """Complete every module; the quiz's pass completes the course."""
    services.enrol(learner, course)
    for module in list(course.get_modules())[:-1]:
        services.complete_module(learner, module)
    attempt = start_or_resume_attempt(learner, quiz)
    return submit_attempt(attempt, learner, correct_answers(attempt))


def _measure(client, url, bound, django_assert_max_num_queries):
    client.get(url)  # warm per-process caches (site root, locales, fragments)
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("size", SIZES)
def test_course_list_queries_do_not_grow_with_courses(
    client, learner, course_index, django_assert_max_num_queries, size
):
    courses = [make_course(course_index, f"Kurs {n}", modules=1) for n in range(size)]
    client.force_login(learner)
    html = _measure(
        client, course_index.url, COURSE_LIST_QUERIES, django_assert_max_num_queries
    )
    assert all(course.title in html for course in courses)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_attempt_and_result_pages_do_not_grow_with_modules(
    client, learner, course_index, django_assert_max_num_queries, size
):
    course, quiz = _course_with_quiz(course_index, size)
    services.enrol(learner, course)
    client.force_login(learner)
    html = _measure(client, quiz.url, QUIZ_PAGE_QUERIES, django_assert_max_num_queries)
    assert "Abschlusstest" in html

    attempt = start_or_resume_attempt(learner, quiz)
    attempt_url = reverse("quizzes:attempt", args=[attempt.public_id])
    html = _measure(
        client, attempt_url, ATTEMPT_PAGE_QUERIES, django_assert_max_num_queries
    )
    assert "Prompt q0" in html

    submit_attempt(attempt, learner, correct_answers(attempt))
    result_url = reverse("quizzes:result", args=[attempt.public_id])
    _measure(client, result_url, RESULT_PAGE_QUERIES, django_assert_max_num_queries)


@pytest.mark.parametrize("size", SIZES)
def test_my_learning_does_not_grow_with_modules(
    client, learner, course_index, django_assert_max_num_queries, size
):
    course = make_course(course_index, modules=size)
    services.enrol(learner, course)
    services.complete_module(learner, course.get_modules().first())
    client.force_login(learner)
    html = _measure(
        client,
        reverse("accounts:my_learning"),
        MY_LEARNING_QUERIES,
        django_assert_max_num_queries,
    )
    assert f'<progress id="progress-{course.pk}"' in html


@pytest.mark.parametrize("size", SIZES)
def test_my_certificates_does_not_grow_with_modules(
    client, learner, course_index, django_assert_max_num_queries, size
):
    course, quiz = _course_with_quiz(course_index, size)
    _complete(learner, course, quiz)
    certificate = Certificate.objects.get(user=learner)
    client.force_login(learner)
    html = _measure(
        client,
        reverse("certificates:mine"),
        MY_CERTIFICATES_QUERIES,
        django_assert_max_num_queries,
    )
    assert f"/certificates/{certificate.uuid}/certificate.pdf" in html
