"""The lesson page's GET records nothing; its script posts the visit (real Chromium).

Time on page is the server's time between such posts; a page left and returned
to later is a new post, so leaving the tab (sendBeacon on pagehide) ends a span.
"""

import pytest
from playwright.sync_api import expect

from courses.models import ModuleProgress, ModuleStatus
from courses.services import enrol
from tests.e2e.conftest import PASSWORD, sign_in
from tests.factories import UserFactory, make_course, make_course_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_opening_a_lesson_posts_the_visit_with_the_csrf_token(
    page, live_server, e2e_site, e2e_media
):
    course = make_course(
        make_course_index(e2e_site),
        modules=1,
        module_fields={"completion_minimum_minutes": 5},
    )
    module = course.get_modules().get().specific
    learner = UserFactory(role="learner")
    enrol(learner, course)
    sign_in(page, live_server.url, learner.email, PASSWORD, lang="de")

    with page.expect_response(lambda r: r.url.endswith("/seen/")) as posted:
        page.goto(live_server.url + module.url)
    assert posted.value.status == 204  # CSRF accepted, visit recorded
    progress = ModuleProgress.objects.get(enrollment__user=learner)
    assert progress.status == ModuleStatus.IN_PROGRESS
    first_seen = progress.last_seen_at
    # The no-script button stays hidden for a browser running the script.
    expect(page.get_by_role("button", name="Meine Lesezeit erfassen")).to_have_count(0)

    page.goto(live_server.url + course.url)  # leaving: the beacon on pagehide
    for _attempt in range(30):
        progress.refresh_from_db()
        if progress.last_seen_at > first_seen:
            break
        page.wait_for_timeout(100)
    assert progress.last_seen_at > first_seen
