from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate


def _verify(client, code):
    return client.get(f"/verify/{code}/")


def test_valid_certificate_shows_the_stated_facts_and_nothing_else(
    client, issued, django_assert_max_num_queries
):
    # One for the certificate, four for the navigation on a cold cache.
    with django_assert_max_num_queries(5):
        response = _verify(client, issued.display_code)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Zertifikat ist gültig." in html
    assert "Ayşe Özdemir-Müller" in html
    assert "Anerkennung ausländischer Abschlüsse" in html
    assert issued.snapshot["completion_date"] in html
    assert "IQ Lernplattform" in html
    assert issued.user.email not in html
    assert "Jobcenter Köln" not in html  # the person's employer is not stated
    assert "noindex" in html


def test_typed_code_in_any_form_leads_to_the_certificate(client, issued):
    typed = issued.display_code.lower().replace("-", " ")
    response = client.get("/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{issued.display_code}/"

    response = _verify(client, issued.code.lower())
    assert response.status_code == 302
    assert response["Location"] == f"/verify/{issued.display_code}/"


def test_revoked_certificate_is_shown_as_revoked(client, issued, trainer):
    services.revoke(issued, reason="Fehler", by=trainer)
    response = _verify(client, issued.display_code)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Dieses Zertifikat wurde widerrufen." in html
    assert "Dieses Zertifikat ist gültig." not in html
    assert "Fehler" not in html  # the internal reason stays internal
    assert "Ayşe Özdemir-Müller" in html


def test_expired_certificate_is_shown_as_expired(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(
        expires_at=timezone.now() - timedelta(days=3)
    )
    html = _verify(client, issued.display_code).content.decode()
    assert "Dieses Zertifikat ist abgelaufen." in html
    assert "Dieses Zertifikat ist gültig." not in html


@pytest.mark.parametrize(
    "code",
    [
        "AAAA-BBBB-CCCC-DDDD",  # well-formed, unknown
        "AB12-CD34-EF56",  # too short
        "<script>alert(1)</script>",
        "ÄÖÜ-%20-' OR 1=1 --",
        "U" * 16,  # not in the alphabet
    ],
)
def test_unknown_and_malformed_codes_get_the_identical_answer(client, issued, code):
    reference = client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/")
    response = client.get("/verify/", {"code": code}) if "/" in code else None
    direct = client.get("/verify/" + code.replace("/", "") + "/")

    for answer in filter(None, [response, direct]):
        assert answer.status_code == reference.status_code == 302
        assert answer["Location"] == reference["Location"]
        assert answer.content == reference.content
    landing = client.get(reference["Location"])
    assert landing.status_code == 404
    assert "Kein Zertifikat gefunden" in landing.content.decode()
    assert code not in landing.content.decode()


def test_verification_is_rate_limited_per_client(client, issued, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (3, 60)
    for _i in range(3):
        assert _verify(client, "AAAA-BBBB-CCCC-DDDD").status_code == 302
    assert _verify(client, issued.display_code).status_code == 429

    other = client.get(f"/verify/{issued.display_code}/", REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 200


def test_verification_page_links_the_pdf_as_issued(client, issued):
    response = client.get(f"/verify/{issued.display_code}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_verify_form_page_is_public(client, db):
    response = client.get("/verify/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    english = client.get("/en/verify/")
    assert english.status_code == 200
    assert "Verify a certificate" in english.content.decode()
