"""The players' tracking queue in headless Chromium: a tracking request the
server refuses (as a locked database did with HTTP 500) is kept in the browser
and sent again, after a backoff or by the next launch after a reload, until the
platform acknowledged it; the server stores it once.

The refusal is the server's own: the content origin's URL pattern of the one
tracking view answers 503 to its next request, then serves as before.
"""

import re

import pytest
from django.http import HttpResponse
from playwright.sync_api import expect

from content_packages.content_urls import content_patterns
from content_packages.models import ScormAttempt, Statement
from tests.content_packages.test_player_browser import (  # noqa: F401 - fixtures
    TIMEOUT_MS,
    _next_to_the_end,
    _scorm_launch,
    assert_accessible,
    browser_context_args,
    browser_type_launch_args,
    completed,
    e2e_site,
    expect_module_completed,
    h5p_content,
    lesson,
    player_frame,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PENDING = re.compile(
    "Your progress is not saved yet|Ihr Fortschritt ist noch nicht gespeichert"
)
QUEUED = (
    "() => Object.keys(localStorage)"
    ".filter(key => key.startsWith('iq-tracking:'))"
    ".map(key => JSON.parse(localStorage.getItem(key)).length)"
    ".reduce((a, b) => a + b, 0)"
)


@pytest.fixture
def refuse_next(monkeypatch):
    """`refuse_next(name)`: the content view `name` answers its next request with
    503 and every later one as usual; returns the list of refused paths."""

    def arm(name: str) -> list[str]:
        pattern = next(p for p in content_patterns[0] if p.name == name)
        view = pattern.callback
        refused: list[str] = []

        def refusing_once(request, *args, **kwargs):
            if not refused:
                refused.append(request.path)
                return HttpResponse("database is locked", status=503)
            return view(request, *args, **kwargs)

        monkeypatch.setattr(pattern, "callback", refusing_once)
        return refused

    return arm


def _answer_h5p(page, learner):
    """Opens the true/false sample and checks the answer; returns the player."""
    player = player_frame(page)
    expect(player.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-true-false")
    with page.expect_response(re.compile(r"/h5p/state/$")):
        question.get_by_role("radio", name="False").click()
    return player, question


def test_refused_h5p_statement_is_sent_again_after_a_reload(
    lesson,  # noqa: F811
    page,
    refuse_next,
):
    course, _module, package, learner = lesson("h5p")
    player, question = _answer_h5p(page, learner)
    refused = refuse_next("h5p_statement")
    with page.expect_response(re.compile(r"/h5p/statements/$")) as posted:
        question.get_by_role("button", name="Check").click()
    assert posted.value.status == 503
    # The learner is told, and the statement waits in the browser.
    expect(player.locator("#package-status")).to_contain_text(PENDING)
    assert player.evaluate(QUEUED) == 1
    assert not Statement.objects.filter(user=learner).exists()
    assert not completed(learner, course)

    # The learner reloads: the new launch sends what the old one could not.
    with page.expect_response(
        lambda r: r.url.endswith("/h5p/statements/") and r.status == 200,
        timeout=TIMEOUT_MS,
    ) as replayed:
        page.reload()
    assert refused[0].split("/c/")[1] != replayed.value.url.split("/c/")[1]
    wait_for(lambda: completed(learner, course), "the module to be completed")
    assert (
        Statement.objects.filter(user=learner, object_id=package.activity_id).count()
        == 1
    )
    player = player_frame(page)
    expect(player.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    wait_for(lambda: player.evaluate(QUEUED) == 0, "the queue to be empty")
    expect_module_completed(page)
    # Reloading again sends nothing twice.
    page.reload()
    player_frame(page)
    page.wait_for_timeout(1000)
    assert Statement.objects.filter(user=learner, package=package).count() == 1


def test_refused_h5p_statement_is_retried_without_a_reload(
    lesson,  # noqa: F811
    page,
    refuse_next,
):
    course, _module, package, learner = lesson("h5p")
    player, question = _answer_h5p(page, learner)
    refuse_next("h5p_statement")
    with page.expect_response(re.compile(r"/h5p/statements/$")) as posted:
        question.get_by_role("button", name="Check").click()
    assert posted.value.status == 503
    with page.expect_response(
        lambda r: r.url.endswith("/h5p/statements/") and r.status == 200,
        timeout=TIMEOUT_MS,
    ):
        pass  # the backoff's retry, a couple of seconds later
    wait_for(lambda: completed(learner, course), "the module to be completed")
    assert Statement.objects.filter(user=learner, package=package).count() == 1
    expect(player.locator("#package-status")).to_have_text("")


def test_refused_scorm_commit_is_delivered_and_completes_the_module(
    lesson,  # noqa: F811
    page,
    refuse_next,
):
    course, _module, package, learner = lesson("scorm12")
    player, content = _scorm_launch(page)
    _next_to_the_end(content)
    refuse_next("scorm_commit")
    with page.expect_response(re.compile(r"/commit/$")) as posted:
        player.evaluate(
            """() => {
              window.API.LMSSetValue("cmi.core.lesson_status", "completed");
              return window.API.LMSCommit("");
            }"""
        )
    assert posted.value.status == 503
    # The SCO was not shown an error: the queue delivers the commit.
    assert player.evaluate("window.API.LMSGetLastError()") in ("0", 0)
    with page.expect_response(
        lambda r: r.url.endswith("/commit/") and r.status == 200,
        timeout=TIMEOUT_MS,
    ):
        pass  # the backoff's retry
    wait_for(lambda: completed(learner, course), "the module to be completed")
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert attempt.completion_status == "completed"
    wait_for(lambda: player.evaluate(QUEUED) == 0, "the queue to be empty")
