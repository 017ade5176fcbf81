import pytest
from django_tasks import task_backends

pytestmark = pytest.mark.django_db


def test_account_emails_are_queued_as_background_tasks(client, settings, mailoutbox):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }

    client.post("/accounts/password/reset/", {"email": "nobody-yet@example.org"})

    queued = task_backends["default"].results
    assert mailoutbox == []
    assert len(queued) == 1
    assert queued[0].task.name == "send_email_task"
    assert queued[0].kwargs["to"] == ["nobody-yet@example.org"]
