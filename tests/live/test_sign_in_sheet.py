"""The printable sign-in sheet: only for the course team, with the booked names."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.urls import reverse

from live import services
from tests.factories import OrganisationFactory, UserFactory, make_course, make_team

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_team_gets_a_pdf_with_names_organisation_and_signature_column(
    client, session, trainer
):
    organisation = OrganisationFactory(name="Jobcenter Köln")
    people = [
        UserFactory(first_name="Aylin", last_name="Demir", organisation=organisation),
        UserFactory(first_name="Jonas", last_name="Becker"),
    ]
    for person in people:
        services.book(person, session)
    outsider = UserFactory(first_name="Nicht", last_name="Gebucht")
    client.force_login(trainer)

    response = client.get(reverse("live:sign_in_sheet", args=[session.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response)
    assert "Aylin Demir" in text
    assert "Jonas Becker" in text
    assert "Jobcenter Köln" in text
    assert "Unterschrift" in text
    assert outsider.last_name not in text
    attendance = client.get(reverse("live:attendance", args=[session.pk]))
    assert reverse("live:sign_in_sheet", args=[session.pk]) in attendance.text


def test_another_team_and_a_booked_learner_get_no_sheet(client, course, session):
    learner = UserFactory()
    services.book(learner, session)
    other = UserFactory(role="trainer")
    make_team(make_course(course.get_parent(), "Anderer Kurs", modules=1), other)
    url = reverse("live:sign_in_sheet", args=[session.pk])
    for person in (other, learner):
        client.force_login(person)
        assert client.get(url).status_code == 404
