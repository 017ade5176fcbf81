"""Every quiz input is named with its question (WCAG 1.3.1, 2.4.6), read from
Chromium's accessibility tree: the group's name is the question text, each
radio, checkbox, select and blank names the question too, and a gap is read
as "gap", never as underscores."""

import re

import pytest
from playwright.sync_api import expect

from courses.services import enrol
from quizzes.models import QuizPage
from tests.e2e.conftest import PASSWORD, sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ("radio", "checkbox", "combobox", "textbox")


def test_every_input_is_named_with_its_question_in_the_accessibility_tree(
    page, live_server, journey_course
):
    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    quiz = QuizPage.objects.descendant_of(journey_course).get(
        locale=journey_course.locale
    )
    sign_in(page, live_server.url, learner.email, PASSWORD)
    page.goto(f"{live_server.url}/en{quiz.url}")
    page.locator("form.quiz__start button").click()
    expect(page.locator("form.quiz-form")).to_be_visible()

    questions = page.locator("li.quiz-question")
    assert questions.count() == 6
    for index in range(questions.count()):
        question = questions.nth(index)
        text = " ".join(question.locator(".quiz-question__prompt").inner_text().split())
        key = re.search(r"(Prompt|Statement) q-\w+", text).group(0)
        group = question.get_by_role("group")
        expect(group).to_have_accessible_name(re.compile(re.escape(key)))
        inputs = question.locator("input:not([type=hidden]), select")
        assert inputs.count() >= 1
        for n in range(inputs.count()):
            expect(inputs.nth(n)).to_have_accessible_name(re.compile(re.escape(key)))
        snapshot = question.aria_snapshot()
        assert "___" not in snapshot, snapshot
        named = [
            line
            for line in snapshot.splitlines()
            if line.strip().lstrip("- '\"").startswith(ROLES)
        ]
        assert named and all(key in line for line in named), snapshot

    blank = page.locator(".quiz-question--fill_in_blank input[type=text]")
    expect(blank).to_have_accessible_name(
        re.compile(r"^Your answer for the gap Prompt q-blank: gap$")
    )
