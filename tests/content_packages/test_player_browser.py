"""The real sample packages played in a lesson in headless Chromium.

Every result goes the way a learner's would: the package's own buttons drive
h5p-standalone or scorm-again, which post to the tracking endpoints.
"""

import contextlib
import re
import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from content_packages.models import ScormAttempt, Statement
from courses.services import enrol, progress_for
from tests.conftest import between_requests
from tests.content_packages.conftest import place_packages, store_sample
from tests.e2e.conftest import (  # noqa: F401 - fixtures shared with the e2e suite
    assert_accessible,
    browser_context_args,
    browser_type_launch_args,
    e2e_site,
)
from tests.factories import UserFactory, make_course, make_course_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 15_000


def accept_dialog(dialog) -> None:
    """Answers the SCO's confirm() with OK, unless the page has moved on meanwhile."""
    with contextlib.suppress(PlaywrightError):
        dialog.accept()


@pytest.fixture
def lesson(e2e_site, package_root, live_server, page):  # noqa: F811
    """Returns `open(sample)`: a module playing that sample, a signed-in learner."""

    def open_lesson(*samples: str, pass_mark_percent: int = 50):
        course = make_course(
            make_course_index(e2e_site),
            modules=1,
            module_fields={"completion_viewed": False},  # its packages complete it
        )
        module = course.get_modules().first().specific
        packages = [store_sample(sample) for sample in samples]
        place_packages(module, packages, pass_mark_percent=pass_mark_percent)
        learner = UserFactory(role="learner")
        enrol(learner, course)
        client = Client()
        client.force_login(learner)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        page.set_default_timeout(TIMEOUT_MS)
        # The golf samples ask "resume where you left off?" with confirm().
        page.on("dialog", accept_dialog)
        page.goto(live_server.url + module.url)
        return course, module, packages[0] if len(packages) == 1 else packages, learner

    return open_lesson


def completed(learner, course) -> bool:
    with between_requests():
        return progress_for(learner, course).modules[0].is_completed


def wait_for(condition, what: str, seconds: float = 15) -> None:
    """Poll the database while the live server may write to it: on SQLite the
    test and the server share one in-memory database, so each read waits for
    the request being handled (the server handles one at a time there)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with between_requests():
            if condition():
                return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def player_frame(page):
    element = page.locator("iframe[data-package-frame]")
    expect(element).to_have_attribute("title", re.compile(r".+"), timeout=TIMEOUT_MS)
    element.scroll_into_view_if_needed()
    frame = element.element_handle().content_frame()
    frame.wait_for_load_state()
    return frame


def expect_module_completed(page) -> None:
    page.reload()
    expect(page.locator(".module__end .status--completed")).to_be_visible(
        timeout=TIMEOUT_MS
    )


def open_player(page, live_server, module) -> None:
    """The player page on its own, reached through the launch as the frame does."""
    block_id = next(b.id for b in module.body if b.block_type == "content_package")
    page.goto(
        live_server.url + reverse("content_packages:launch", args=[module.pk, block_id])
    )
    assert re.match(re.escape(settings.CONTENT_ORIGIN) + r"(/en)?/c/", page.url)


def h5p_content(page):
    """h5p-standalone renders the content in a frame of its own."""
    return page.frame_locator("iframe[data-package-frame]").frame_locator(
        "iframe.h5p-iframe"
    )


def test_h5p_question_answered_in_the_lesson_completes_the_module(
    lesson, page, live_server
):
    course, module, package, learner = lesson("h5p")
    assert_accessible(page, "content-package-h5p-lesson")
    frame = player_frame(page)
    expect(frame.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-true-false")
    expect(question).to_contain_text("Is this false?", timeout=TIMEOUT_MS)
    # The player reports its height to the lesson page, which grows the frame; a
    # message from anywhere but that frame changes nothing.
    frame_element = page.locator("iframe[data-package-frame]")
    expect(frame_element).to_have_attribute(
        "style", re.compile(r"height: \d+px"), timeout=TIMEOUT_MS
    )
    page.evaluate("window.postMessage({type: 'iq-package-height', height: 2000}, '*')")
    page.wait_for_timeout(300)
    assert frame_element.evaluate("frame => frame.style.height") != "2016px"
    with page.expect_response(re.compile(r"/h5p/state/$")) as saved:
        question.get_by_role("radio", name="False").click()
    assert saved.value.status == 200

    # Resume: after a reload the answer chosen is still selected.
    page.reload()
    expect(player_frame(page).locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-true-false")
    expect(question.get_by_role("radio", name="False")).to_have_attribute(
        "aria-checked", "true", timeout=TIMEOUT_MS
    )
    assert not Statement.objects.filter(user=learner).exists()

    with page.expect_response(re.compile(r"/h5p/statements/$")) as posted:
        question.get_by_role("button", name="Check").click()
    assert posted.value.status == 200
    expect(question).to_contain_text("1 of 1", timeout=TIMEOUT_MS)
    statement = Statement.objects.get(user=learner, object_id=package.activity_id)
    assert statement.score_scaled == 1.0
    assert statement.data["actor"]["account"]["name"] != learner.email
    assert completed(learner, course)
    expect_module_completed(page)

    # The player page itself (frames titled) passes WCAG 2.1 AA.
    open_player(page, live_server, module)
    expect(page.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    expect(page.locator("iframe.h5p-iframe")).to_have_attribute(
        "title", "Hello World", timeout=TIMEOUT_MS
    )
    assert_accessible(page, "content-package-h5p-player")


def _scorm_launch(page):
    """The SCO's own page inside the player (player → SCO frame)."""
    frame = player_frame(page)
    sco = frame.locator("#sco-frame")
    expect(sco).to_have_attribute("title", re.compile(r".+"), timeout=TIMEOUT_MS)
    content = sco.element_handle().content_frame()
    content.wait_for_selector("#butNext")
    return frame, content


def _next(content, times: int) -> None:
    for _ in range(times):
        content.click("#butNext")


def _next_to_the_end(content) -> None:
    """Pages through the SCO as a learner would, until Next is disabled."""
    for _ in range(30):
        if content.locator("#butNext").is_disabled():
            return
        content.click("#butNext")
    pytest.fail("the SCO never reached its last page")


def terminating_commit(response) -> bool:
    request = response.request
    return response.url.endswith("/commit/") and "iqTerminated" in (
        request.post_data or ""
    )


def test_scorm12_sample_finished_in_the_lesson_completes_the_module(
    lesson, page, live_server
):
    course, module, package, learner = lesson("scorm12")
    assert_accessible(page, "content-package-scorm12-lesson")
    player, content = _scorm_launch(page)
    assert player.evaluate("typeof window.API.LMSInitialize") == "function"
    assert player.evaluate("window.API_1484_11 === undefined")
    _next_to_the_end(content)
    # Exit commits, then LMSFinish sends the terminating commit (the last one).
    with page.expect_response(terminating_commit) as posted:
        content.click("#butExit")
    assert posted.value.status == 200
    wait_for(lambda: completed(learner, course), "the module to be completed")
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert attempt.completion_status == "completed"
    assert attempt.finished_at is not None  # LMSFinish ended it
    assert Statement.objects.filter(
        user=learner,
        object_id=package.sco_activity_id(0),
        verb_id__endswith="completed",
    ).exists()
    expect_module_completed(page)

    # Re-opened, the finished attempt is kept: review it or start a new one.
    open_player(page, live_server, module)
    new_attempt = page.get_by_role(
        "button", name=re.compile("Start a new attempt|Neuen Versuch beginnen")
    )
    expect(new_attempt).to_be_visible(timeout=TIMEOUT_MS)
    review = re.compile("Review your attempt|Ihren Versuch ansehen")
    expect(page.get_by_role("link", name=review)).to_be_visible()
    assert_accessible(page, "content-package-scorm12-finished")
    new_attempt.click()
    expect(page.locator("#sco-frame")).to_have_attribute(
        "title", "Golf Explained", timeout=TIMEOUT_MS
    )
    assert_accessible(page, "content-package-scorm12-player")
    first, second = ScormAttempt.objects.filter(user=learner).order_by("number")
    assert (first.completion_status, second.number) == ("completed", 2)
    assert first.finished_at is not None and second.finished_at is None


def test_scorm12_resumes_location_and_suspend_data_after_reload(lesson, page):
    _course, _module, package, learner = lesson("scorm12")
    player, content = _scorm_launch(page)
    _next(content, 3)
    with page.expect_response(re.compile(r"/commit/$")):
        player.evaluate(
            """() => {
              window.API.LMSSetValue("cmi.suspend_data", "visited=0,1,2,3");
              return window.API.LMSCommit("");
            }"""
        )
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert (attempt.location, attempt.suspend_data) == ("3", "visited=0,1,2,3")
    page.reload()
    player, content = _scorm_launch(page)
    # The sample asked to resume (accepted) and opened the bookmarked page.
    expect(content.locator("#contentFrame")).to_have_attribute(
        "src", re.compile(r"OtherScoring\.html$"), timeout=TIMEOUT_MS
    )
    assert player.evaluate('window.API.LMSGetValue("cmi.suspend_data")') == (
        "visited=0,1,2,3"
    )
    assert player.evaluate('window.API.LMSGetValue("cmi.core.entry")') == "resume"


def test_scorm2004_sample_finished_in_the_lesson_completes_the_module(lesson, page):
    course, _module, package, learner = lesson("scorm2004")
    player, content = _scorm_launch(page)
    assert player.evaluate("typeof window.API_1484_11.Initialize") == "function"
    assert player.evaluate("window.API === undefined")
    assert_accessible(page, "content-package-scorm2004-lesson")
    _next(content, 3)
    page.reload()
    player, content = _scorm_launch(page)
    expect(content.locator("#contentFrame")).to_have_attribute(
        "src", re.compile(r"OtherScoring\.html$"), timeout=TIMEOUT_MS
    )
    assert player.evaluate('window.API_1484_11.GetValue("cmi.location")') == "3"
    _next_to_the_end(content)
    with page.expect_response(re.compile(r"/commit/$")) as posted:
        content.click("#butExit")
    assert posted.value.status == 200
    wait_for(lambda: completed(learner, course), "the module to be completed")
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert attempt.completion_status == "completed"
    assert Statement.objects.filter(user=learner, package=package).exists()
    expect_module_completed(page)


H5P_ROOTS = {
    "h5p_multichoice": ".h5p-multichoice",
    "h5p_questionset": ".questionset",
    "h5p_coursepresentation": ".h5p-course-presentation",
}
SCORM_SAMPLES = ["scorm12_multi", "scorm2004_sequencing"]


def test_every_other_sample_plays_in_a_lesson(lesson, page):
    """The remaining samples render (H5P) or start their SCO (SCORM) in one lesson."""
    _course, _module, packages, _learner = lesson(*H5P_ROOTS, *SCORM_SAMPLES)
    frames = page.locator("iframe[data-package-frame]")
    expect(frames).to_have_count(len(packages), timeout=TIMEOUT_MS)
    for index, sample in enumerate([*H5P_ROOTS, *SCORM_SAMPLES]):
        frames.nth(index).scroll_into_view_if_needed()
        player = frames.nth(index).content_frame
        if sample in H5P_ROOTS:
            content = player.frame_locator("iframe.h5p-iframe")
            expect(content.locator(H5P_ROOTS[sample]).first).to_be_visible(
                timeout=TIMEOUT_MS
            )
            continue
        expect(player.locator(".package-player__scos li")).to_have_count(
            len(packages[index].scos), timeout=TIMEOUT_MS
        )
        frame = frames.nth(index).element_handle().content_frame()
        api = "API" if sample.startswith("scorm12") else "API_1484_11"
        frame.wait_for_function(f"() => window.{api} && window.{api}.isInitialized()")
