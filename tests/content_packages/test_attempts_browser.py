"""Attempts in headless Chromium: H5P's “Try again” after finished content
starts a new attempt with a fresh state, and the earlier result stays."""

import re

import pytest
from playwright.sync_api import expect

from content_packages.models import H5PUserData, Statement
from tests.content_packages.test_player_browser import (  # noqa: F401 - fixtures
    TIMEOUT_MS,
    assert_accessible,
    browser_context_args,
    browser_type_launch_args,
    completed,
    e2e_site,
    h5p_content,
    lesson,
    player_frame,
)

TRY_AGAIN = re.compile("Try again|Erneut versuchen")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_h5p_try_again_starts_a_fresh_attempt_and_keeps_the_result(
    lesson,  # noqa: F811
    page,
):
    course, _module, package, learner = lesson("h5p")
    player = player_frame(page)
    expect(player.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-true-false")
    with page.expect_response(re.compile(r"/h5p/state/$")):
        question.get_by_role("radio", name="False").click()
    with page.expect_response(re.compile(r"/h5p/statements/$")) as posted:
        question.get_by_role("button", name="Check").click()
    assert posted.value.status == 200
    retry = player.get_by_role("button", name=TRY_AGAIN)
    expect(retry).to_be_visible(timeout=TIMEOUT_MS)
    assert completed(learner, course)

    with page.expect_response(re.compile(r"/h5p/attempts/$")) as started:
        retry.click()
    assert started.value.status == 200
    player = player_frame(page)
    expect(player.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-true-false")
    expect(question).to_contain_text("Is this false?", timeout=TIMEOUT_MS)
    expect(question.get_by_role("radio", name="False")).to_have_attribute(
        "aria-checked", "false"
    )
    expect(player.get_by_role("button", name=TRY_AGAIN)).to_have_count(0)
    page.wait_for_timeout(500)
    assert H5PUserData.objects.get(user=learner, package=package).attempt == 2
    assert (
        Statement.objects.filter(user=learner, object_id=package.activity_id).count()
        == 1
    )
    assert completed(learner, course)
