import pytest

from certificates.models import Certificate
from tests.factories import PASSWORD, make_team


def _get(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response, body


@pytest.mark.parametrize("suffix", ["certificate.pdf", "badge.jwt", "badge.json"])
def test_another_learner_gets_404_for_someone_elses_downloads(
    client, issued, other_learner, suffix
):
    client.force_login(other_learner)
    response, _body = _get(client, f"/certificates/{issued.uuid}/{suffix}")
    assert response.status_code == 404


@pytest.mark.parametrize("suffix", ["certificate.pdf", "badge.jwt", "badge.json"])
def test_anonymous_visitors_must_sign_in(client, issued, suffix):
    response, _body = _get(client, f"/certificates/{issued.uuid}/{suffix}")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_owner_downloads_pdf_and_badges(client, issued, named_learner):
    client.force_login(named_learner)
    response, body = _get(client, f"/certificates/{issued.uuid}/certificate.pdf")
    assert response.status_code == 200 and body.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]

    response, body = _get(client, f"/certificates/{issued.uuid}/badge.jwt")
    assert response.status_code == 200 and body.count(b".") == 2
    response, body = _get(client, f"/certificates/{issued.uuid}/badge.json")
    assert response.status_code == 200 and b"OpenBadgeCredential" in body


def test_staff_with_permission_may_download_the_pdf(client, issued, trainer):
    """Only the course's team (or the group's trainer); others get 404."""
    client.login(email=trainer.email, password=PASSWORD)
    response, _body = _get(client, f"/certificates/{issued.uuid}/certificate.pdf")
    assert response.status_code == 404
    course = issued.course
    course.owner = trainer  # owning the page alone opens nothing
    course.save(update_fields=["owner"])
    response, _body = _get(client, f"/certificates/{issued.uuid}/certificate.pdf")
    assert response.status_code == 404
    make_team(course, trainer)
    response, body = _get(client, f"/certificates/{issued.uuid}/certificate.pdf")
    assert response.status_code == 200 and body.startswith(b"%PDF")


def test_pdf_files_are_stored_outside_the_public_media_root(issued, settings):
    from pathlib import Path

    issued.refresh_from_db()
    path = Path(issued.pdf.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        issued.pdf.url  # noqa: B018 - there is no public URL


def test_my_certificates_lists_own_certificates_only(
    client, issued, named_learner, other_learner, django_assert_max_num_queries
):
    client.force_login(named_learner)
    with django_assert_max_num_queries(8):
        response = client.get("/certificates/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anerkennung ausländischer Abschlüsse" in html
    assert f"/certificates/{issued.uuid}/certificate.pdf" in html
    assert f"/certificates/{issued.uuid}/badge.jwt" in html

    client.force_login(other_learner)
    html = client.get("/certificates/").content.decode()
    assert str(issued.uuid) not in html


def test_revoked_certificate_offers_no_download_on_my_certificates(
    client, issued, named_learner
):
    from certificates.services import revoke

    revoke(issued, reason="Fehler")
    client.force_login(named_learner)
    html = client.get("/certificates/").content.decode()
    assert f"/certificates/{issued.uuid}/certificate.pdf" not in html
    assert Certificate.objects.get(pk=issued.pk).revoked_at is not None


def test_trainer_issues_only_for_own_courses_and_a_tampered_course_changes_nothing(
    client, course, trainer, learner
):
    from django.urls import reverse

    client.force_login(trainer)
    url = reverse("certificates_admin:issue")
    assert course.title not in client.get(url).content.decode()

    response = client.post(url, {"email": learner.email, "course": course.pk})
    assert response.status_code == 200
    assert "course" in response.context["form"].errors
    assert not Certificate.objects.filter(user=learner).exists()

    make_team(course, trainer)
    response = client.post(url, {"email": learner.email, "course": course.pk})
    assert response.status_code == 302
    assert Certificate.objects.filter(user=learner, course=course).count() == 1
