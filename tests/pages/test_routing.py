"""Pages are found by their URL in one lookup, and a cached route never outlives
a change of the page tree (pages.routing)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from tests.factories import make_course, make_course_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site_root):
    return make_course(make_course_index(site_root), modules=2)


def _page_queries(captured) -> int:
    return sum('FROM "wagtailcore_page"' in q["sql"] for q in captured)


def test_a_module_deep_in_the_tree_is_routed_without_walking_it(
    client, learner, course
):
    services.enrol(learner, course)
    client.force_login(learner)
    module = course.get_modules().first()
    client.get(module.url)  # warm up: the route is cached
    with CaptureQueriesContext(connection) as captured:
        assert client.get(module.url).status_code == 200
    # Walking the tree took two page queries per level (eight for a module).
    assert _page_queries(captured) <= 5


def test_a_changed_slug_moves_the_page_at_once(client, course):
    old_url = course.url
    assert client.get(old_url).status_code == 200
    course.slug = "neuer-name"
    course.save_revision().publish()
    course.refresh_from_db()
    assert client.get(old_url).status_code == 404
    response = client.get(course.url)
    assert response.status_code == 200
    assert course.title in response.content.decode()


def test_an_unpublished_page_is_not_served_from_a_cached_route(client, course):
    url = course.url
    assert client.get(url).status_code == 200
    course.unpublish()
    assert client.get(url).status_code == 404


def test_a_path_that_names_no_page_is_not_found(client, course):
    assert client.get(course.url + "gibt-es-nicht/").status_code == 404
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_english_pages_are_routed_below_the_english_start_page(client, site_root):
    response = client.get("/en/barrierefreiheit/")
    assert response.status_code == 200
    assert "Accessibility statement" in response.content.decode()


def test_the_site_is_cached_per_host_and_follows_a_site_change(client, site_root):
    from wagtail.models import Site

    from pages.models import StandardPage

    client.get("/")  # warm up: the site of this host is cached
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    assert not any('FROM "wagtailcore_site"' in q["sql"] for q in captured)

    statement = StandardPage.objects.get(
        slug="barrierefreiheit", locale=site_root.locale
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = statement
    site.save()
    assert statement.title in client.get("/").content.decode()


def test_a_new_privacy_setting_applies_at_once_despite_the_cache(client, course):
    from wagtail.models import PageViewRestriction

    module = course.get_modules().first()
    assert client.get(course.url).status_code == 200  # cached: no restrictions
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(course.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert course.title not in response.content.decode().split("<main", 1)[-1]
    assert 'name="password"' in client.get(module.url).content.decode()

    restriction.delete()
    response = client.get(course.url)
    assert 'name="password"' not in response.content.decode()


def test_a_moved_module_belongs_to_its_new_course(course, site_root):
    from courses.services import course_of

    module = course.get_modules().first().specific
    assert course_of(module).pk == course.pk
    other = make_course(course.get_parent(), title="Anderer Kurs", modules=0)
    module.move(other, pos="last-child")
    module = type(module).objects.get(pk=module.pk)
    assert course_of(module).pk == other.pk
