"""The README's "Try it": the demo learner finishes the demo course after seed_demo."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from quizzes.models import QuizPage
from tests.e2e.conftest import sign_in, tab_to
from tests.e2e.keyboard import answer_quiz_by_keyboard, correct_answers_by_prompt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COURSE = "Intercultural competence in everyday work"


@pytest.fixture
def demo(e2e_media):
    """The content `make run` loads: demo accounts and the two demo courses."""
    call_command("seed_demo", stdout=io.StringIO())


def _open_course(page) -> None:
    """Main navigation "Courses", then the demo course."""
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Courses").click()
    page.get_by_role("link", name=COURSE).click()


def test_demo_learner_completes_the_demo_course_as_the_readme_describes(
    page, live_server, demo
):
    base = live_server.url
    sign_in(page, base, "lernende@example.org", "Demo-Passwort-2026")

    _open_course(page)
    page.get_by_role("button", name="Enrol in this course").click()
    done = page.get_by_role("button", name="Done – continue to the next module")
    for _module in range(10):
        if not done.count():
            break
        title = page.get_by_role("heading", level=1).inner_text()
        done.click()
        expect(page.get_by_role("heading", level=1)).not_to_have_text(title)
    page.get_by_role("link", name=re.compile("Go to the quiz: Final quiz")).click()

    quiz = QuizPage.objects.get(
        title="Final quiz", url_path__contains="/intercultural-competence/"
    )
    tab_to(page, "form.quiz__start button")
    page.keyboard.press("Enter")
    answer_quiz_by_keyboard(page, correct_answers_by_prompt(quiz))
    tab_to(page, "button[name=action][value=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".quiz-summary__outcome")).to_contain_text("Passed")

    _open_course(page)
    expect(page.locator(".course__status")).to_contain_text("Completed on")
    page.get_by_role("link", name="My learning").click()
    expect(page.locator(".my-courses__item", has_text=COURSE)).to_contain_text(
        "Completed on"
    )
    # The certificate speaks the learner's preferred language (German here).
    page.goto(f"{base}/en/certificates/")
    card = page.locator(".certificate-card", has_text="Interkulturelle Kompetenz")
    expect(card).to_contain_text("Valid")
    expect(card.get_by_role("link", name=re.compile("Download PDF"))).to_be_visible()
    expect(
        card.get_by_role("link", name=re.compile("Public verification page"))
    ).to_be_visible()
