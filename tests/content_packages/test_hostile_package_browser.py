"""A hostile package, made here, played in a lesson in headless Chromium.

Its script (tests/content_packages/hostile/hostile.js) tries to read the lesson
page, the platform's pages and the learner's data export, to start, submit and
autosave a quiz, to record results for another learner, another activity and
another block, and to take over the top window. Each attempt reports its
outcome in the package's own page; every one must fail, for a learner and for
an administrator previewing the page, while the package itself still plays and
its honest result is recorded. Run against a platform that served packages
from its own origin, most attempts would succeed and these tests fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from content_packages import xapi
from content_packages.models import ScormAttempt, Statement, StatementSource
from content_packages.services import store_package
from courses.services import enrol, progress_for
from quizzes.models import Attempt, QuizPage
from quizzes.services import start_or_resume_attempt
from tests.content_packages.conftest import place_package, upload, zip_bytes
from tests.content_packages.test_validation import MANIFEST_12
from tests.e2e.conftest import (  # noqa: F401 - fixtures shared with the e2e suite
    browser_context_args,
    browser_type_launch_args,
    e2e_media,
    e2e_site,
)
from tests.factories import UserFactory, make_course, make_course_index
from tests.quizzes.conftest import single_choice, true_false

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 20_000
HOSTILE = Path(__file__).resolve().parent / "hostile"
ATTEMPTS = {
    "read-top-document",
    "read-top-location",
    "read-lesson-frame-element",
    "read-platform-cookie",
    "read-data-export",
    "frame-data-export",
    "start-quiz",
    "start-quiz-by-form",
    "submit-quiz",
    "save-quiz-draft",
    "track-for-another-learner",
    "track-another-activity",
    "track-with-token-of-another-learner",
    "track-with-token-of-another-block",
    "track-another-attempt",
    "track-on-the-platform",
    "navigate-top",
    "navigate-top-by-link",
    "open-popup",
}
# Where the browser gives a script no answer, the attempt may report "sent"; what
# counts for those is that nothing changed (checked on the server and in the tab).
BLIND = {"start-quiz-by-form", "navigate-top", "navigate-top-by-link"}


def _h5p_zip(targets_js: str) -> bytes:
    library = "H5P.HostileCheck-1.0"
    return zip_bytes(
        {
            "h5p.json": json.dumps(
                {
                    "title": "Selbsttest",
                    "mainLibrary": "H5P.HostileCheck",
                    "language": "de",
                    "embedTypes": ["iframe"],
                    "preloadedDependencies": [
                        {
                            "machineName": "H5P.HostileCheck",
                            "majorVersion": 1,
                            "minorVersion": 0,
                        }
                    ],
                }
            ),
            "content/content.json": "{}",
            "content/evil.svg": (HOSTILE / "evil.svg").read_text(),
            f"{library}/library.json": json.dumps(
                {
                    "title": "Hostile check",
                    "machineName": "H5P.HostileCheck",
                    "majorVersion": 1,
                    "minorVersion": 0,
                    "patchVersion": 0,
                    "runnable": 1,
                    "preloadedJs": [
                        {"path": "targets.js"},
                        {"path": "hostile.js"},
                        {"path": "h5p-hostile.js"},
                    ],
                }
            ),
            f"{library}/targets.js": targets_js,
            f"{library}/hostile.js": (HOSTILE / "hostile.js").read_text(),
            f"{library}/h5p-hostile.js": (HOSTILE / "h5p-hostile.js").read_text(),
        }
    )


def _scorm_zip(targets_js: str) -> bytes:
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12,
            "index.html": (HOSTILE / "index.html").read_text(),
            "targets.js": targets_js,
            "hostile.js": (HOSTILE / "hostile.js").read_text(),
            "evil.svg": (HOSTILE / "evil.svg").read_text(),
        }
    )


def _other_package():
    """An honest SCORM package in another module: what the forgeries aim at."""
    data = _scorm_zip("window.HOSTILE_TARGETS = null;")
    return store_package(upload(data, "anders.zip"), filename="anders.zip")


@pytest.fixture
def hostile_world(e2e_site, e2e_media, live_server):  # noqa: F811
    """Returns `build(kind)`: a course whose first module plays a hostile package
    of that kind, with quizzes, another learner and another package to aim at."""

    def build(kind: str) -> dict:
        course = make_course(
            make_course_index(e2e_site),
            modules=2,
            module_fields={"completion_viewed": False},  # its package completes it
        )
        lesson, second = (m.specific for m in course.get_modules())
        learner, other_learner = (
            UserFactory(role="learner"),
            UserFactory(role="learner"),
        )
        admin = UserFactory(role="administrator", is_superuser=True)
        for person in (learner, other_learner):
            enrol(person, course)
        quizzes = []
        for module in (lesson, second):
            quiz = module.add_child(
                instance=QuizPage(
                    title=f"Test {module.title}",
                    slug="test",
                    questions=[single_choice(), true_false()],
                    pass_mark_percent=50,
                    max_attempts=3,
                )
            )
            quiz.save_revision().publish()
            quizzes.append(quiz)
        open_attempt = start_or_resume_attempt(learner, quizzes[0])
        other = _other_package()
        other_block = place_package(second, other)
        data = _h5p_zip("") if kind == "h5p" else _scorm_zip("")
        name = "selbsttest.h5p" if kind == "h5p" else "selbsttest.zip"
        package = store_package(upload(data, name), filename=name)
        targets = {
            "platform": live_server.url,
            "sessionCookieName": settings.SESSION_COOKIE_NAME,
            "dataExport": reverse("accounts:my_data_json"),
            "pages": [
                lesson.url,
                reverse("accounts:my_learning"),
                reverse("accounts:profile"),
                "/admin/",
                "/admin/users/",
            ],
            "quizStart": reverse("quizzes:start", args=[quizzes[1].pk]),
            "quizAttempt": reverse("quizzes:attempt", args=[open_attempt.public_id]),
            "quizDraft": reverse("quizzes:save_draft", args=[open_attempt.public_id]),
            "quizAnswers": "q-0=0&q-1=true",
            "otherActor": xapi.actor_for(other_learner),
            "otherActivity": other.activity_id,
            "otherLearnerId": other_learner.pk,
            "otherEnrollmentId": progress_for(other_learner, course).enrollment.pk,
            "otherModuleId": second.pk,
            "otherBlockId": other_block,
            "otherPackageId": other.pk,
            "oldTrackingUrl": f"/content-packages/track/{lesson.pk}/x/h5p/statements/",
            "ownActivity": package.activity_id,
        }
        # The targets name the package's own activity id, known once it is stored:
        # the test writes them into its own package's extracted files.
        folder = "H5P.HostileCheck-1.0/" if kind == "h5p" else ""
        (package.storage_path / f"{folder}targets.js").write_text(
            f"window.HOSTILE_TARGETS = {json.dumps(targets)};"
        )
        block_id = place_package(lesson, package, pass_mark_percent=50)
        return {
            "course": course,
            "lesson": lesson,
            "block_id": block_id,
            "package": package,
            "learner": learner,
            "other_learner": other_learner,
            "admin": admin,
            "quizzes": quizzes,
            "open_attempt": open_attempt,
            "targets": targets,
        }

    return build


def _sign_in_by_cookie(page, live_server, user) -> None:
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _content_frame(page, kind: str):
    """The frame the package's own script runs in (player → package page)."""
    player = page.locator("iframe[data-package-frame]")
    player.scroll_into_view_if_needed()
    inner = "iframe.h5p-iframe" if kind == "h5p" else "#sco-frame"
    frame = page.frame_locator("iframe[data-package-frame]").locator(inner)
    expect(frame).to_be_attached(timeout=TIMEOUT_MS)
    return frame.element_handle(timeout=TIMEOUT_MS).content_frame()


def _outcomes(frame) -> dict[str, str]:
    frame.wait_for_selector("body[data-hostile-done=true]", timeout=TIMEOUT_MS)
    return frame.eval_on_selector_all(
        "#hostile-results li",
        "items => Object.fromEntries("
        "items.map(item => [item.dataset.attempt, item.textContent]))",
    )


def _assert_every_attempt_failed(outcomes: dict, targets: dict) -> None:
    expected = ATTEMPTS | {f"read-page {path}" for path in targets["pages"]}
    assert set(outcomes) == expected
    succeeded = {
        name: outcome
        for name, outcome in outcomes.items()
        if outcome != "blocked" and not (name in BLIND and outcome == "sent")
    }
    assert not succeeded, succeeded


def _assert_platform_untouched(world: dict, page, lesson_url: str) -> None:
    """What the blind attempts aimed at is as it was; the tab is the lesson."""
    learner, other = world["learner"], world["other_learner"]
    world["open_attempt"].refresh_from_db()
    assert not world["open_attempt"].is_submitted
    assert world["open_attempt"].draft_answers == {}
    assert not Attempt.objects.filter(quiz=world["quizzes"][1]).exists()
    assert not Attempt.objects.filter(user=world["admin"]).exists()
    assert not Statement.objects.filter(user=other).exists()
    assert not ScormAttempt.objects.filter(user=other).exists()
    assert not Statement.objects.filter(object_id=world["targets"]["otherActivity"])
    assert not ScormAttempt.objects.filter(
        package__pk=world["targets"]["otherPackageId"]
    )
    assert not ScormAttempt.objects.filter(user=learner, number=99).exists()
    assert page.url == lesson_url
    assert "hijacked" not in page.url
    assert len(page.context.pages) == 1


def _play(page, live_server, world, kind: str, viewer) -> tuple[dict, str]:
    _sign_in_by_cookie(page, live_server, viewer)
    page.set_default_timeout(TIMEOUT_MS)
    lesson = world["lesson"]
    if viewer.is_superuser:
        # The administrator previews the page in the Wagtail admin.
        lesson_url = live_server.url + reverse(
            "wagtailadmin_pages:view_draft", args=[lesson.pk]
        )
    else:
        lesson_url = live_server.url + lesson.url
    page.goto(lesson_url)
    outcomes = _outcomes(_content_frame(page, kind))
    page.wait_for_timeout(1000)  # the blind attempts' navigations, if any, land
    return outcomes, page.url


@pytest.mark.parametrize("kind", ["scorm12", "h5p"])
def test_hostile_package_gets_nothing_of_the_learner_and_still_tracks(
    hostile_world, page, live_server, kind
):
    world = hostile_world(kind)
    learner, package = world["learner"], world["package"]
    outcomes, _url = _play(page, live_server, world, kind, learner)
    _assert_every_attempt_failed(outcomes, world["targets"])
    _assert_platform_untouched(world, page, live_server.url + world["lesson"].url)
    # The package played as it should: its honest result is the learner's.
    if kind == "h5p":
        statement = Statement.objects.get(
            user=learner, source=StatementSource.H5P, object_id=package.activity_id
        )
        assert statement.score_scaled == 1.0
    else:
        attempt = ScormAttempt.objects.get(user=learner, package=package)
        assert attempt.completion_status == "completed"
    assert progress_for(learner, world["course"]).modules[0].is_completed
    assert set(
        Statement.objects.filter(user=learner).values_list("source", flat=True)
    ) == {
        StatementSource.H5P if kind == "h5p" else StatementSource.SCORM,
        StatementSource.MODULE,
    }


@pytest.mark.parametrize("kind", ["scorm12", "h5p"])
def test_hostile_package_gets_nothing_of_an_administrator_previewing_it(
    hostile_world, page, live_server, kind
):
    world = hostile_world(kind)
    admin = world["admin"]
    outcomes, _url = _play(page, live_server, world, kind, admin)
    _assert_every_attempt_failed(outcomes, world["targets"])
    preview = live_server.url + reverse(
        "wagtailadmin_pages:view_draft", args=[world["lesson"].pk]
    )
    _assert_platform_untouched(world, page, preview)
    # A preview plays but records nothing, for the administrator or anyone.
    assert not Statement.objects.filter(user=admin).exists()
    assert not ScormAttempt.objects.filter(user=admin).exists()
    assert not Statement.objects.filter(package=world["package"]).exists()


def test_package_svg_opened_directly_runs_without_the_platforms_authority(
    hostile_world, page, live_server
):
    """Script in a package's SVG runs on the content origin, which holds nothing;
    the platform does not serve the file at all."""
    world = hostile_world("h5p")
    _sign_in_by_cookie(page, live_server, world["learner"])
    page.goto(live_server.url + world["lesson"].url)
    player = page.locator("iframe[data-package-frame]").element_handle(
        timeout=TIMEOUT_MS
    )
    player_url = player.content_frame().url
    assert re.match(re.escape(settings.CONTENT_ORIGIN) + r"(/en)?/c/", player_url)
    svg_path = urlsplit(player_url).path.replace("/player/", "/files/content/evil.svg")
    targets = {
        "platform": live_server.url,
        "dataExport": world["targets"]["dataExport"],
    }
    page.goto(settings.CONTENT_ORIGIN + svg_path + "#" + quote(json.dumps(targets)))
    expect(page.locator("#outcome")).not_to_have_text("pending", timeout=TIMEOUT_MS)
    assert page.locator("#outcome").text_content() == "blocked"
    # On the platform's origin the same path, and the file's former URL, are 404.
    assert page.goto(live_server.url + svg_path).status == 404
    package = world["package"]
    old = (
        f"/content-packages/files/{world['lesson'].pk}/{world['block_id']}/"
        f"{package.token}/content/evil.svg"
    )
    assert page.goto(live_server.url + old).status == 404
