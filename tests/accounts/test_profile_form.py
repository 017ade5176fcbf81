"""The profile speaks the same language as the signup form."""

import pytest

pytestmark = pytest.mark.django_db


def test_profile_organisation_offers_the_signup_wording(client, learner):
    client.force_login(learner)

    body = client.get("/en/profile/").content.decode()

    assert "My organisation is not listed" in body
    assert "---------" not in body
