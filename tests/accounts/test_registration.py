import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.roles import GROUP_NAMES, Role
from tests.factories import OrganisationFactory

User = get_user_model()

SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"
PASSWORD = "Sicheres-Passwort-2026"

pytestmark = pytest.mark.django_db


def signup(client, email="neu@example.org", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Nora",
        "last_name": "Neu",
        "organisation": "",
        "preferred_language": "de",
        "accept_privacy_notice": "on",
    }
    data.update(extra)
    return client.post(SIGNUP, data)


def test_registration_keeps_the_learner_out_until_the_email_is_verified(
    client, mailoutbox
):
    response = signup(client)

    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    user = get_user_model().objects.get(email="neu@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session

    login = client.post(LOGIN, {"login": "neu@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "/accounts/confirm-email/" in login["Location"]

    assert len(mailoutbox) == 2  # one at signup, one resent at the login attempt
    link = re.search(
        r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mailoutbox[0].body
    )
    assert link, mailoutbox[0].body
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)

    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_registration_stores_profile_and_makes_the_person_a_learner(client):
    organisation = OrganisationFactory()

    signup(client, organisation=organisation.pk, preferred_language="en")

    user = get_user_model().objects.get(email="neu@example.org")
    assert (user.first_name, user.last_name) == ("Nora", "Neu")
    assert user.organisation == organisation
    assert user.preferred_language == "en"
    assert list(user.groups.values_list("name", flat=True)) == [
        GROUP_NAMES[Role.LEARNER]
    ]
    assert not user.is_staff


def test_registration_with_a_taken_email_creates_nothing_and_reveals_nothing(
    client, learner, mailoutbox
):
    response = signup(client, email=learner.email)

    # Same answer as a fresh signup, so nobody learns who has an account;
    # the owner of the address is told by email instead.
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert get_user_model().objects.filter(email=learner.email).count() == 1
    assert [message.to for message in mailoutbox] == [[learner.email]]


def test_registration_with_mismatched_passwords_shows_the_error_and_saves_nothing(
    client,
):
    response = signup(client, password2="Anderes-Passwort-2026")

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_registration_form_is_german_by_default_and_english_under_en(client):
    german = client.get(SIGNUP).content.decode()
    english = client.get("/en" + SIGNUP).content.decode()

    assert 'lang="de"' in german and "Vorname" in german
    assert 'lang="en"' in english and "First name" in english


def test_registration_needs_the_privacy_notice_confirmed_and_records_when():
    from django.test import Client

    client = Client()
    response = signup(client, email="ohne@example.org", accept_privacy_notice="")
    assert response.status_code == 200
    assert "Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben." in (
        response.content.decode()
    )
    assert not User.objects.filter(email="ohne@example.org").exists()

    signup(client, email="mit@example.org")
    user = User.objects.get(email="mit@example.org")
    assert user.privacy_notice_accepted_at is not None
