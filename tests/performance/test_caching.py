"""Fragment caching of course and module pages keeps per-learner data per learner.

The cache is the test settings' local-memory cache, the same code path as Redis.
"""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document

from courses import services
from pages.cache import fragment_key
from tests.factories import lesson_body, make_course

pytestmark = pytest.mark.django_db

STATIC_TEXT = "Anerkennung ausländischer Abschlüsse."


def _block_id(module, block_type: str) -> str:
    return next(b.id for b in module.body if b.block_type == block_type)


def _progress(course, percent: int) -> str:
    return f'<progress id="progress-{course.pk}" max="100" value="{percent}">'


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def course(course_index):
    return make_course(course_index, modules=3)


@pytest.fixture
def module(course):
    return course.get_modules().first().specific


def test_lesson_text_is_served_from_the_fragment_cache(learner, course, module):
    services.enrol(learner, course)
    _client(learner).get(module.url)
    with translation.override("de"):
        key = fragment_key(module, f"block:{_block_id(module, 'text')}", "de")
    assert STATIC_TEXT in cache.get(key)


def test_one_learners_note_and_progress_never_show_for_another(
    learner, other_learner, course, module
):
    """Both learners read the same cached lesson; each sees only their own data."""
    services.enrol(learner, course)
    services.enrol(other_learner, course)
    first, second = _client(learner), _client(other_learner)
    block_id = _block_id(module, "reflection")
    first.post(
        reverse("courses:save_reflection", args=[module.pk, block_id]),
        {"text": "Meine private Notiz 4711"},
    )
    first.post(reverse("courses:complete_module", args=[module.pk]))
    mine = first.get(module.url).content.decode()
    assert "Meine private Notiz 4711" in mine
    assert 'class="status status--completed"' in mine

    theirs = second.get(module.url).content.decode()
    assert STATIC_TEXT in theirs  # the cached part is there
    assert "Meine private Notiz 4711" not in theirs
    assert 'class="status status--completed"' not in theirs
    assert _progress(course, 0) in theirs

    course_for_other = second.get(course.url).content.decode()
    assert _progress(course, 0) in course_for_other
    assert "module-list__item--completed" not in course_for_other
    course_for_first = first.get(course.url).content.decode()
    assert _progress(course, 33) in course_for_first
    assert "module-list__item--completed" in course_for_first


def test_case_study_feedback_is_not_cached_for_the_next_reader(
    learner, other_learner, course, module
):
    services.enrol(learner, course)
    services.enrol(other_learner, course)
    case_id = _block_id(module, "case_study")
    chosen = _client(learner).get(module.url, {f"case-{case_id}": "2"})
    assert "case-study__feedback" in chosen.content.decode()
    fresh = _client(other_learner).get(module.url).content.decode()
    assert "case-study__feedback" not in fresh


def test_published_lesson_change_shows_immediately(learner, course, module):
    services.enrol(learner, course)
    client = _client(learner)
    assert STATIC_TEXT in client.get(module.url).content.decode()

    body = lesson_body()
    body[0]["value"] = "<p>Neu veröffentlichter Text.</p>"
    module.body = body
    module.save_revision()  # a draft is not shown to learners
    assert STATIC_TEXT in client.get(module.url).content.decode()

    module.get_latest_revision().publish()
    after = client.get(module.url).content.decode()
    assert "Neu veröffentlichter Text." in after
    assert STATIC_TEXT not in after


def test_published_course_title_shows_immediately(learner, client, course):
    assert "Interkulturelle Kompetenz" in client.get(course.url).content.decode()
    course.title = "Kultursensible Personalauswahl"
    course.save_revision().publish()
    page = client.get(course.url).content.decode()
    assert "<h1>Kultursensible Personalauswahl</h1>" in page


def test_publishing_another_page_refreshes_links_in_cached_fragments(
    learner, course, module
):
    """Rich text may link to other pages; their new URL must not wait for expiry."""
    target = course.get_modules().last().specific
    module.body = [
        ("text", f'<p><a linktype="page" id="{target.pk}">Zum letzten Modul</a></p>')
    ]
    module.save_revision().publish()
    services.enrol(learner, course)
    client = _client(learner)
    assert f'href="{target.url}"' in client.get(module.url).content.decode()

    target.slug = "neuer-name"
    target.save_revision().publish()
    target.refresh_from_db()
    assert target.url.endswith("/neuer-name/")
    assert f'href="{target.url}"' in client.get(module.url).content.decode()


def test_a_renamed_or_replaced_document_shows_at_once(learner, course, module):
    """Editing a document in the admin changes cached lessons without republishing."""
    document = Document.objects.create(
        title="Merkblatt Anerkennung", file=ContentFile(b"%PDF-1.4 alt", name="m.pdf")
    )
    body = lesson_body()
    body.append({"type": "document", "value": {"document": document.pk}})
    module.body = body
    module.save_revision().publish()
    services.enrol(learner, course)
    client = _client(learner)
    assert "Merkblatt Anerkennung" in client.get(module.url).content.decode()
    assert "Merkblatt Anerkennung" in client.get(module.url).content.decode()  # cached

    document.title = "Merkblatt Anerkennung 2027"
    document.file = ContentFile(b"%PDF-1.4 neu", name="merkblatt-2027.pdf")
    document.save()
    page = client.get(module.url).content.decode()
    assert "Merkblatt Anerkennung 2027" in page
    assert "merkblatt-2027" in page
