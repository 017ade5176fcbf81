"""A lesson GET writes nothing; the page's visit post records the visit and the
server measures the time between posts on its own clock."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import ModuleProgress, ModuleStatus
from tests.courses.completion_helpers import one_module_course, spend, status

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _writes(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries if WRITE.match(q["sql"])]


@pytest.fixture
def timed(course_index):
    return one_module_course(course_index, completion_minimum_minutes=5)


def test_a_lesson_get_writes_nothing_first_visit_or_repeat(client, learner, timed):
    course, module = timed
    services.enrol(learner, course)
    client.force_login(learner)
    assert _writes(client, module.url) == []
    assert not ModuleProgress.objects.exists()  # the GET recorded no visit

    client.post(reverse("courses:module_seen", args=[module.pk]))
    spend(learner, module, 3)
    assert _writes(client, module.url) == []
    assert _writes(client, module.url) == []


def test_a_lesson_get_writes_nothing_when_a_completion_is_due(
    client, learner, course_index
):
    """Met but not recorded: the page shows it complete, its post settles it."""
    from courses.models import ReflectionEntry

    course, module = one_module_course(
        course_index, completion_viewed=False, completion_reflection=True
    )
    services.enrol(learner, course)
    block_id = next(b.id for b in module.body if b.block_type == "reflection")
    ReflectionEntry.objects.create(
        user=learner, module_key=module.translation_key, block_id=block_id, text="x"
    )
    client.force_login(learner)
    assert _writes(client, module.url) == []
    html = client.get(module.url).content.decode()
    assert 'name="settle" value="1"' in html

    client.post(reverse("courses:module_seen", args=[module.pk]), {"settle": "1"})
    assert status(learner, module) == ModuleStatus.COMPLETED


def test_viewing_for_the_minimum_time_then_done_completes_over_http(
    client, learner, timed
):
    course, module = timed
    services.enrol(learner, course)
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert 'data-done-wait="300"' in html
    seen = reverse("courses:module_seen", args=[module.pk])
    assert client.post(seen).status_code == 204
    assert status(learner, module) == ModuleStatus.IN_PROGRESS

    refused = client.post(reverse("courses:complete_module", args=[module.pk]))
    assert refused.status_code == 302
    assert status(learner, module) == ModuleStatus.IN_PROGRESS

    spend(learner, module, 6)  # the first post was six minutes ago
    html = client.get(module.url).content.decode()
    assert "data-done-wait" not in html  # the open gap counts, on the server
    client.post(reverse("courses:complete_module", args=[module.pk]))
    progress = ModuleProgress.objects.get()
    assert progress.status == ModuleStatus.COMPLETED
    assert progress.seconds_on_task >= 5 * 60


def test_a_duration_sent_by_the_browser_counts_for_nothing(client, learner, timed):
    course, module = timed
    services.enrol(learner, course)
    client.force_login(learner)
    seen = reverse("courses:module_seen", args=[module.pk])
    client.post(seen, {"seconds": "3600", "seconds_on_task": "3600"})
    client.post(seen, {"seconds": "3600"})
    assert ModuleProgress.objects.get().seconds_on_task < 5
    client.post(reverse("courses:complete_module", args=[module.pk]))
    assert status(learner, module) == ModuleStatus.IN_PROGRESS


def test_time_away_between_posts_does_not_count(client, learner, timed):
    course, module = timed
    services.enrol(learner, course)
    client.force_login(learner)
    seen = reverse("courses:module_seen", args=[module.pk])
    client.post(seen)
    spend(learner, module, 3 * 60)  # left for three hours
    client.post(seen)
    assert ModuleProgress.objects.get().seconds_on_task == 0


def test_the_visit_post_needs_an_enrolment_and_a_post(
    client, learner, other_learner, timed
):
    course, module = timed
    seen = reverse("courses:module_seen", args=[module.pk])
    client.force_login(other_learner)
    refused = client.post(seen)
    assert refused.status_code == 403
    assert "Bitte schreiben Sie sich" in refused.content.decode()
    services.enrol(learner, course)
    client.force_login(learner)
    assert client.get(seen).status_code == 405
    assert not ModuleProgress.objects.exists()


def test_the_visit_post_checks_csrf(learner, timed):
    from django.test import Client

    course, module = timed
    services.enrol(learner, course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    seen = reverse("courses:module_seen", args=[module.pk])
    assert client.post(seen).status_code == 403
    assert not ModuleProgress.objects.exists()
    html = client.get(module.url).content.decode()
    token = re.search(
        r'data-seen-form [^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" '
        r'value="([^"]+)"',
        html,
    ).group(1)
    assert client.post(seen, {"csrfmiddlewaretoken": token}).status_code == 204
    assert ModuleProgress.objects.get().status == ModuleStatus.IN_PROGRESS


def test_without_javascript_the_button_records_and_returns_to_the_page(
    client, learner, timed
):
    course, module = timed
    services.enrol(learner, course)
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert "<noscript>" in html and "Meine Lesezeit erfassen" in html
    response = client.post(
        reverse("courses:module_seen", args=[module.pk]), {"next": "page"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(module.url + "#module-end-heading")
    assert status(learner, module) == ModuleStatus.IN_PROGRESS
