"""BITV 2.0 content: the accessibility statement with its own feedback form, pages
in Leichte Sprache / Easy Read and the page for DGS videos, in both languages."""

import pytest
from django.core import mail

from accounts.models import AuditAction, AuditEntry
from demo.accessibility import create_accessibility_pages
from pages.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def bitv_site(site_root):
    create_accessibility_pages(site_root)
    return site_root


def test_statement_states_status_barriers_date_method_and_enforcement_body(
    client, bitv_site
):
    german = client.get("/barrierefreiheit/").content.decode()
    assert "teilweise vereinbar" in german
    assert "Inhalte von Dritten (H5P und SCORM)" in german  # a known barrier
    assert "1. Dezember 2026" in german
    assert "HTML_CodeSniffer" in german  # the method
    assert "Schlichtungsstelle nach § 16" in german
    assert 'name="message"' in german  # a form, not only e-mail
    english = client.get("/en/barrierefreiheit/").content.decode()
    assert "partially compliant" in english and "Report a barrier" in english


def test_empty_feedback_is_refused_with_a_summary_and_changes_nothing(
    client, bitv_site
):
    response = client.post("/barrierefreiheit/", {"message": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Es gibt ein Problem" in content
    assert 'aria-invalid="true"' in content
    assert content.count("<title>Fehler:") == 1
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


def test_feedback_is_stored_and_mailed_to_the_operator_after_the_commit(
    client, bitv_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/barrierefreiheit/",
            {
                "message": "Das Video im Modul 2 hat keine Untertitel.",
                "email": "ayse@example.org",
            },
        )
    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1#feedback")
    assert len(callbacks) == 1
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "Das Video im Modul 2 hat keine Untertitel."
    assert [m.to for m in mail.outbox] == [["barrierefreiheit@example.org"]]
    assert "keine Untertitel" in mail.outbox[0].body
    assert "ayse@example.org" in mail.outbox[0].body  # to answer the person
    # On record in the audit log, by id: the message itself stays in its table.
    entry = AuditEntry.objects.get(action=AuditAction.ACCESSIBILITY_FEEDBACK)
    assert entry.detail == {"feedback": feedback.pk, "page": feedback.page_id}
    assert "Untertitel" not in str(entry.detail)
    thanks = client.get(response["Location"]).content.decode()
    assert "Vielen Dank" in thanks


def test_easy_language_and_sign_language_pages_are_linked_from_every_page(
    client, bitv_site
):
    home = client.get("/").content.decode()
    assert 'href="/leichte-sprache/"' in home
    assert 'href="/gebaerdensprache/"' in home
    easy = client.get("/leichte-sprache/").content.decode()
    assert "Hier können Sie lernen." in easy
    assert 'href="/leichte-sprache/so-finden-sie-sich-zurecht/"' in easy
    assert 'href="/leichte-sprache/barrierefreiheit-leichte-sprache/"' in easy
    assert "Easy Read" in client.get("/en/leichte-sprache/").content.decode()
    dgs = client.get("/gebaerdensprache/").content.decode()
    assert "Deutsche Gebärdensprache (DGS)" in dgs
