"""allauth's emails: the site's name, "Sie" in German, an HTML part, the
recipient's language."""

import pytest

from tests.email_checks import assert_email_is_complete, parts
from tests.factories import UserFactory

from .test_registration import signup

pytestmark = pytest.mark.django_db

SITE = "IQ Lernplattform"


@pytest.mark.parametrize(
    ("language", "greeting", "confirm"),
    [
        ("de", "Guten Tag von IQ Lernplattform!", "Bitte bestätigen Sie"),
        ("en", "Hello from IQ Lernplattform!", "Please Confirm"),
    ],
)
def test_the_verification_email_names_the_site_in_the_learners_language(
    client, mailoutbox, language, greeting, confirm
):
    signup(client, preferred_language=language, HTTP_ACCEPT_LANGUAGE=language)

    message = mailoutbox[0]
    text, html = parts(message)
    assert greeting in text and greeting in html
    assert confirm in message.subject
    assert "/accounts/confirm-email/" in text
    assert 'href="http' in html and "/accounts/confirm-email/" in html
    assert_email_is_complete(message, language=language, site_name=SITE)


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("de", "Über den folgenden Link setzen Sie Ihr Passwort zurück."),
        ("en", "Click the link below to reset your password."),
    ],
)
def test_the_password_reset_email_is_formal_and_in_the_users_language(
    client, mailoutbox, language, phrase
):
    user = UserFactory(preferred_language=language)

    client.post("/accounts/password/reset/", {"email": user.email})

    message = mailoutbox[0]
    text, html = parts(message)
    assert phrase in text and phrase in html
    assert "/accounts/password/reset/key/" in text
    assert_email_is_complete(message, language=language, site_name=SITE)


def test_the_account_exists_email_says_sie(client, mailoutbox):
    user = UserFactory(preferred_language="de")

    signup(client, email=user.email)

    message = mailoutbox[0]
    assert "Mit dieser E-Mail-Adresse besteht jedoch bereits ein Konto" in message.body
    assert_email_is_complete(message, language="de", site_name=SITE)


def test_the_unknown_account_email_is_complete(client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "niemand@example.org"})

    message = mailoutbox[0]
    assert_email_is_complete(message, language="de", site_name=SITE)
