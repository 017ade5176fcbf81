"""A real browser loads the learner's pages under the policy: zero CSP violations."""

from __future__ import annotations

import contextlib

import pytest

from tests.e2e.conftest import sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_course_module_and_quiz_load_without_csp_violations(
    page, live_server, journey_course
):
    from courses.services import enrol

    learner = UserFactory(role="learner")
    enrol(learner, journey_course)
    lesson, final = (m.specific for m in journey_course.get_modules())
    quiz = final.get_children().live().first().specific
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))

    base = live_server.url
    sign_in(page, base, learner.email)
    visited = []
    for path in (
        "/en/",
        journey_course.get_parent().url,
        journey_course.url,
        lesson.url,
        quiz.url,
    ):
        response = page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert response.headers.get("content-security-policy"), path
        if path == lesson.url:
            # The package player ran in its frame, under its own policy.
            player = page.frame_locator("iframe.content-package__frame")
            player.locator("body").wait_for()
            assert len(page.frames) > 1
        visited.append(path)
    # Start the quiz: the attempt form with its autosave script.
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    assert "/quizzes/attempt/" in page.url
    assert not violations, "\n".join(violations)
    # Control: the same listener does report an inline script the policy blocks.
    # Playwright may raise on the refusal as well; the console is what counts.
    with contextlib.suppress(Exception):
        page.add_script_tag(content="window.injected = true;")
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected === undefined")
    assert any("Content Security Policy" in text for text in violations)
