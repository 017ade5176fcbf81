"""Per-request and session caching on the lesson page: the content version is
read once per request, the session comes from the cache, and a publish still
shows at once (the version moves on, the next request reads it afresh)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from pages.cache import VERSION_KEY
from tests.factories import lesson_body, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course_index, learner, client):
    course = make_course(course_index, modules=3)
    module = course.get_modules().first().specific
    services.enrol(learner, course)
    client.force_login(learner)
    client.get(module.url)  # warm up
    return module


def _version_reads(monkeypatch) -> list[str]:
    """Record each read of the content-version key on the real cache."""
    reads: list[str] = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        if key == VERSION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    return reads


def test_a_lesson_request_reads_the_content_version_once(client, lesson, monkeypatch):
    reads = _version_reads(monkeypatch)
    assert client.get(lesson.url).status_code == 200
    assert len(reads) == 1
    client.get(lesson.url)
    assert len(reads) == 2  # once per request, not once per process


def test_the_session_comes_from_the_cache(client, lesson):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(lesson.url).status_code == 200
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]


def test_a_publish_shows_at_once_with_the_per_request_version(client, lesson):
    assert "Neu veröffentlicht" not in client.get(lesson.url).content.decode()
    body = lesson_body()
    body[0]["value"] = "<p>Neu veröffentlicht.</p>"
    lesson.body = body
    lesson.save_revision().publish()
    assert "Neu veröffentlicht." in client.get(lesson.url).content.decode()
