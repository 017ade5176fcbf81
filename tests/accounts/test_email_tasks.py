import pytest
from django_tasks import task_backends

from accounts.models import OutgoingEmail, OutgoingEmailStatus
from accounts.tasks import send_outgoing_email

pytestmark = pytest.mark.django_db


def test_account_emails_are_queued_by_id_without_address_or_text(
    client, settings, mailoutbox
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }

    client.post("/accounts/password/reset/", {"email": "nobody-yet@example.org"})

    queued = task_backends["default"].results
    assert mailoutbox == []
    assert len(queued) == 1
    assert queued[0].task.name == "send_outgoing_email"
    email = OutgoingEmail.objects.get()
    assert list(queued[0].args) == [email.pk]
    assert "nobody-yet" not in repr((queued[0].args, queued[0].kwargs))
    assert email.to == ["nobody-yet@example.org"]


def test_a_requeued_email_task_sends_the_message_once(client, settings, mailoutbox):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    client.post("/accounts/password/reset/", {"email": "nobody-yet@example.org"})
    email = OutgoingEmail.objects.get()

    send_outgoing_email.call(email.pk)
    send_outgoing_email.call(email.pk)

    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmailStatus.SENT
