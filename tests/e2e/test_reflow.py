"""Reflow (WCAG 1.4.10): at 320 CSS pixels no demo page scrolls sideways.

Every module of both demo courses, in German and English, and the quiz page
with a table of earlier attempts: the document is never wider than the
viewport, so nothing is cut off and no one has to scroll in two directions.
"""

import io

import pytest
from django.core.management import call_command

from courses.models import ModulePage
from quizzes.models import QuizPage
from quizzes.services import start_or_resume_attempt, submit_attempt
from tests.e2e.conftest import PASSWORD, sign_in
from tests.factories import UserFactory
from tests.quizzes.conftest import correct_answers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": WIDTH, "height": 640}}


def _overflow(page) -> dict:
    """The document's width, and the widest element that pokes out, if any."""
    return page.evaluate(
        """(width) => {
          const doc = document.documentElement.scrollWidth;
          let culprit = '';
          for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            const fixed = getComputedStyle(el).position === 'absolute';
            if (box.right > width + 0.5 && !fixed) {
              culprit = el.outerHTML.slice(0, 160);
            }
          }
          return {doc, culprit};
        }""",
        WIDTH,
    )


def _assert_reflows(page, url: str) -> None:
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    result = _overflow(page)
    assert result["doc"] <= WIDTH, (
        f"{url} is {result['doc']} px wide at {WIDTH} px; widest: {result['culprit']}"
    )


def test_every_demo_module_reflows_at_320_px_in_german_and_english(
    page, live_server, e2e_media
):
    call_command("seed_demo", stdout=io.StringIO())
    learner = UserFactory(role="learner")
    sign_in(page, live_server.url, learner.email, PASSWORD)
    modules = ModulePage.objects.live().order_by("path")
    assert modules.count() >= 10, "the demo has two courses of several modules"
    for module in modules:
        _assert_reflows(page, live_server.url + module.url)
    for quiz in QuizPage.objects.live():
        _assert_reflows(page, live_server.url + quiz.url)


def test_quiz_page_with_earlier_attempts_reflows_at_320_px(
    page, live_server, journey_course
):
    from courses import services as course_services

    learner = UserFactory(role="learner")
    course_services.enrol(learner, journey_course)
    quiz = journey_course.get_modules()[1].get_quiz().specific
    for _ in range(2):
        attempt = start_or_resume_attempt(learner, quiz)
        submit_attempt(attempt, learner, correct_answers(attempt))
    sign_in(page, live_server.url, learner.email, PASSWORD)
    _assert_reflows(page, live_server.url + quiz.url)
    _assert_reflows(page, live_server.url + "/en" + quiz.url)
    table = page.get_by_role("region", name="Your submitted attempts")
    assert table.get_attribute("tabindex") == "0", "the scroll region takes focus"
    assert table.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "the table scrolls inside its region"
    )
