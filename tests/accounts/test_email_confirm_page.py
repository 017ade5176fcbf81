"""allauth forms without a form object (e.g. confirming an email address) still
render through the project's form element with its error summary."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_email_confirmation_page_renders_its_confirm_button(client, site_root):
    user = UserFactory()
    EmailAddress.objects.filter(user=user).delete()
    address = EmailAddress.objects.create(
        user=user, email=user.email, verified=False, primary=True
    )
    key = EmailConfirmationHMAC(address).key
    response = client.get(f"/en/accounts/confirm-email/{key}/")
    assert response.status_code == 200
    assert "Confirm" in response.content.decode()
    assert "error-summary" not in response.content.decode()
