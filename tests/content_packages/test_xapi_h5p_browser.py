"""The real H5P MultiChoice sample answered in Chromium: what H5P itself sends is
stored with its interaction definition and forwarded as valid xAPI 1.0.3."""

import re

import pytest
from playwright.sync_api import expect
from ralph.models.xapi.base.statements import BaseXapiStatement

from content_packages import xapi
from content_packages.models import Statement
from tests.content_packages.test_player_browser import (  # noqa: F401 - fixtures
    TIMEOUT_MS,
    assert_accessible,
    browser_context_args,
    browser_type_launch_args,
    e2e_site,
    h5p_content,
    lesson,
    player_frame,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_h5p_multichoice_answer_keeps_the_interaction_h5p_describes(
    lesson,  # noqa: F811 - the fixture imported above
    page,
):
    _course, _module, package, learner = lesson("h5p_multichoice")
    frame = player_frame(page)
    expect(frame.locator("body[data-player-ready=true]")).to_be_attached(
        timeout=TIMEOUT_MS
    )
    question = h5p_content(page).locator(".h5p-multichoice")
    expect(question).to_contain_text("blackcurrant", timeout=TIMEOUT_MS)
    question.get_by_text("Very dark purple").click()
    with page.expect_response(re.compile(r"/h5p/statements/$")) as posted:
        question.get_by_role("button", name="Check").click()
    assert posted.value.status == 200

    answered = Statement.objects.get(
        user=learner,
        object_id=package.activity_id,
        verb_id=xapi.VERBS["answered"],
    )
    definition = answered.data["object"]["definition"]
    # What H5P.MultiChoice describes, as it described it.
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"]
    assert len(definition["choices"]) == 3
    assert all("en-US" in choice["description"] for choice in definition["choices"])
    assert "blackcurrant" in definition["description"]["en-US"]
    assert answered.data["result"]["response"] in definition["correctResponsesPattern"]
    assert answered.data["result"]["success"] is True
    categories = answered.data["context"]["contextActivities"]["category"]
    assert categories[0]["id"].startswith("http://h5p.org/libraries/H5P.MultiChoice-")
    # Every statement the player caused is xAPI 1.0.3 as an LRS receives it.
    for statement in Statement.objects.filter(user=learner):
        body = xapi.forwarded_body(statement)
        assert "stored" not in body and "authority" not in body
        BaseXapiStatement.model_validate(body)
