import pytest
from django.core.management import call_command

from accounts.models import Network, Organisation, User
from pages.models import StandardPage

pytestmark = pytest.mark.django_db


def test_home_is_german_by_default_and_english_under_en(client, site_root):
    german = client.get("/")
    english = client.get("/en/")

    assert german.status_code == 200
    assert english.status_code == 200
    assert '<html lang="de"' in german.content.decode()
    assert "Online-Fortbildungen" in german.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert "Online training" in english.content.decode()


def test_admin_login_page_is_served(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_language_switcher_links_to_the_same_page_in_the_other_language(
    client, site_root
):
    german = client.get("/barrierefreiheit/").content.decode()
    english = client.get("/en/barrierefreiheit/").content.decode()

    assert 'href="/en/barrierefreiheit/" lang="en" hreflang="en"' in german
    assert "Accessibility statement" in english
    assert 'href="/barrierefreiheit/" lang="de" hreflang="de"' in english


def test_language_switcher_works_on_non_cms_pages(client):
    page = client.get("/en/accounts/login/").content.decode()

    assert 'href="/accounts/login/" lang="de"' in page


def test_footer_links_to_imprint_privacy_and_accessibility_statement(client, site_root):
    page = client.get("/").content.decode()

    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        assert f'href="/{slug}/"' in page


def test_every_page_has_skip_link_and_landmarks(client, site_root):
    page = client.get("/").content.decode()

    assert 'href="#main"' in page
    assert '<main id="main"' in page
    assert "<header" in page and "<footer" in page and "<nav" in page


def test_seed_demo_is_idempotent_and_prints_the_demo_accounts(capsys):
    call_command("seed_demo")
    counts = (
        User.objects.count(),
        Organisation.objects.count(),
        Network.objects.count(),
        StandardPage.objects.count(),
    )
    call_command("seed_demo")

    assert counts == (
        User.objects.count(),
        Organisation.objects.count(),
        Network.objects.count(),
        StandardPage.objects.count(),
    )
    assert counts[1] == 2 and counts[2] == 1
    output = capsys.readouterr().out
    for email in (
        "lernende@example.org",
        "trainer@example.org",
        "koordination@example.org",
        "admin@example.org",
    ):
        assert email in output
    types = set(Organisation.objects.values_list("organisation_type", flat=True))
    assert len(types) == 2


def test_footer_and_language_links_follow_a_newly_published_title(client, site_root):
    client.get("/")  # fills the navigation cache
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    imprint.title = "Impressum und Kontakt"
    imprint.save_revision().publish()

    page = client.get("/").content.decode()

    assert "Impressum und Kontakt" in page


def test_start_page_query_count_is_small_once_navigation_is_cached(
    client, site_root, django_assert_max_num_queries
):
    client.get("/")

    with django_assert_max_num_queries(8):
        client.get("/")
