"""The platform's own error pages: right status, platform layout, a way on."""

import pytest

pytestmark = pytest.mark.django_db


def test_learner_at_admin_gets_the_403_page_not_a_redirect(client, learner, site_root):
    client.force_login(learner)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 403
    body = response.content.decode()
    assert "Zugriff verweigert" in body or "Access denied" in body
    assert 'class="site-header"' in body
    assert "/my-learning/" in body or "mein-lernen" in body


def test_admin_subpages_are_403_for_a_learner_too(client, learner):
    client.force_login(learner)

    assert client.get("/admin/pages/").status_code == 403


def test_anonymous_visitor_at_admin_is_still_sent_to_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_administrator_still_reaches_the_admin(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/admin/")

    assert response.status_code in (200, 302)
    assert response.status_code != 403


def test_404_is_the_platforms_page_in_english(client, settings, site_root):
    settings.DEBUG = False

    response = client.get("/en/no-such-page-here/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "Error code: 404" in body
    assert "/en/accounts/login/" in body


def test_500_template_renders_without_request_context():
    from django.template import loader

    html = loader.get_template("500.html").render()

    assert "Fehlercode: 500" in html
    assert "Error code: 500" in html
