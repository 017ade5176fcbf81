"""The SCORM data model from the manifest in headless Chromium (#14.1): a
SCORM 2004 package written by the test reads the manifest's values through the
real scorm-again API, writes its objective without an error, asks to continue
(the player opens the next part), and the package's rollup (the asset between
its two SCOs does not count) completes the module; the passing score, not the
SCO, decides success."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from content_packages.models import ScormAttempt
from courses.models import PackageRequirement
from courses.services import enrol
from tests.conftest import between_requests
from tests.content_packages.manifests import package_2004, store
from tests.content_packages.test_attempts import place
from tests.content_packages.test_completion_conditions import set_requirement
from tests.content_packages.test_player_browser import (  # noqa: F401 - fixtures
    TIMEOUT_MS,
    browser_context_args,
    browser_type_launch_args,
    completed,
    e2e_site,
    expect_module_completed,
    player_frame,
    wait_for,
)
from tests.factories import UserFactory, make_course, make_course_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def stored(learner, sco: int, number: int, finished: bool = True):
    """The SCO's attempt as the server stored it. The terminating commit is a
    keepalive request that outlives the page the SCO's "continue" leaves, so
    the browser may never report its response; the queue's re-send on the next
    page is answered 409 (the attempt is finished) and dropped."""

    def condition():
        return ScormAttempt.objects.filter(
            user=learner,
            sco_index=sco,
            number=number,
            finished_at__isnull=not finished,
        ).first()

    wait_for(condition, f"attempt {number} of part {sco} to be stored")
    with between_requests():
        return condition()


def sco_content(page, title: str):
    player = player_frame(page)
    sco = player.locator("#sco-frame")
    expect(sco).to_have_attribute("title", title, timeout=TIMEOUT_MS)
    content = sco.element_handle().content_frame()
    content.wait_for_selector("body[data-values]")
    return player, content


def test_manifest_values_reach_the_sco_and_the_rollup_completes(
    e2e_site,  # noqa: F811
    package_root,
    live_server,
    page,
):
    course = make_course(
        make_course_index(e2e_site),
        modules=1,
        module_fields={"completion_viewed": False},
    )
    module = course.get_modules().first().specific
    package = store(package_2004())
    place(module, package)
    set_requirement(module, PackageRequirement.PASSED)  # the package's verdict
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
    page.goto(live_server.url + module.url)

    player, content = sco_content(page, "Part one")
    values = json.loads(content.locator("body").get_attribute("data-values"))
    assert str(values.pop("cmi.objectives._count")) == "2"
    assert values == {
        "cmi.scaled_passing_score": "0.8",
        "cmi.completion_threshold": "0.75",
        "cmi.launch_data": "level=2",
        "cmi.objectives.0.id": "obj-main",
        "cmi.objectives.1.id": "obj-extra",
    }
    assert content.evaluate("() => window.finishPart(0.5)") == []
    first = stored(learner, 0, 1)
    # "continue": the next part (the handout, an asset) opens in the player.
    expect(player_frame(page).locator("#sco-frame")).to_have_attribute(
        "title", "Handout", timeout=TIMEOUT_MS
    )
    # 0.5 is below the manifest's passing score: failed, though the SCO only
    # said "completed".
    assert (first.completion_status, first.success_status) == ("completed", "failed")
    assert not completed(learner, course)

    # The table of contents opens the last part.
    player_frame(page).get_by_role("link", name="Part two").click()
    _player, content = sco_content(page, "Part two")
    assert content.evaluate("() => window.finishPart(0.9)") == []
    assert stored(learner, 2, 1).completion_status == "completed"
    # Part one failed its passing score, so the package is not passed yet.
    assert not completed(learner, course)
    player = player_frame(page)
    player.get_by_role("link", name="Part one").click()
    player = player_frame(page)
    player.get_by_role(
        "button", name=re.compile("Start a new attempt|Neuen Versuch beginnen")
    ).click()
    _player, content = sco_content(page, "Part one")
    assert content.evaluate("() => window.finishPart(0.85)") == []
    assert stored(learner, 0, 2).success_status == "passed"
    wait_for(lambda: completed(learner, course), "the module to be completed")
    # The handout (an asset) never reported, and did not block the rollup.
    with between_requests():
        handout = ScormAttempt.objects.filter(user=learner, sco_index=1)
        assert not handout.exclude(completion_status="").exists()
    expect_module_completed(page)
