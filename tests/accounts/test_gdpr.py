import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from accounts.models import AuditAction, AuditEntry, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_learner_downloads_all_their_data_as_json(client, learner):
    client.force_login(learner)

    response = client.get("/profile/my-data.json")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["accounts"]["email"] == learner.email
    assert data["accounts"]["last_name"] == learner.last_name
    assert data["format_version"] == 1


def test_readable_summary_shows_the_learners_data(client, learner):
    client.force_login(learner)

    page = client.get("/en/profile/my-data/summary/").content.decode()

    assert learner.email in page
    assert learner.last_name in page


def test_data_export_needs_login(client):
    response = client.get("/profile/my-data.json")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_account_deletion_with_wrong_password_changes_nothing(client, learner):
    client.force_login(learner)

    response = client.post(
        "/en/profile/delete/", {"password": "wrong", "confirm": "on"}
    )

    assert response.status_code == 200
    assert "The password is not correct." in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active and learner.erased_at is None


def test_account_deletion_removes_personal_data_and_keeps_an_anonymous_row(
    client, learner
):
    email = learner.email
    client.force_login(learner)

    response = client.post("/profile/delete/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.erased_at is not None
    assert not learner.is_active
    assert learner.email != email and learner.email.endswith("@invalid")
    assert (learner.first_name, learner.last_name) == ("", "")
    assert not learner.has_usable_password()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not learner.groups.exists()
    assert "_auth_user_id" not in client.session
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_ERASED)
    assert entry.subject == learner
    assert not client.login(email=email, password=PASSWORD)


def test_deleting_one_account_ends_only_that_persons_sessions(
    client, learner, other_learner
):
    from django.test import Client

    other = Client()
    other.force_login(other_learner)
    client.force_login(learner)

    client.post("/profile/delete/", {"password": PASSWORD, "confirm": "on"})

    assert other.get("/profile/").status_code == 200


def test_retention_command_anonymises_only_long_inactive_learners(settings):
    settings.RETENTION_INACTIVE_DAYS = 365
    long_ago = timezone.now() - timedelta(days=400)
    inactive = UserFactory(role="learner")
    User.objects.filter(pk=inactive.pk).update(last_login=long_ago)
    never_logged_in = UserFactory(role="learner")
    User.objects.filter(pk=never_logged_in.pk).update(
        last_login=None, date_joined=long_ago
    )
    recent = UserFactory(role="learner")
    User.objects.filter(pk=recent.pk).update(last_login=timezone.now())
    inactive_trainer = UserFactory(role="trainer")
    User.objects.filter(pk=inactive_trainer.pk).update(last_login=long_ago)

    call_command("anonymise_inactive_accounts")

    erased = set(
        User.objects.filter(erased_at__isnull=False).values_list("pk", flat=True)
    )
    assert erased == {inactive.pk, never_logged_in.pk}
    summary = AuditEntry.objects.get(action=AuditAction.ACCOUNTS_ANONYMISED)
    assert summary.detail["count"] == 2


def test_administrator_can_read_but_not_edit_the_audit_log(client, admin_user, learner):
    AuditEntry.objects.create(action=AuditAction.PERSONAL_DATA_VIEWED, subject=learner)
    entry = AuditEntry.objects.get()
    client.force_login(admin_user)

    listing = client.get("/admin/audit_log/")
    edit = client.get(f"/admin/audit_log/edit/{entry.pk}/")
    delete = client.post(f"/admin/audit_log/delete/{entry.pk}/")

    assert listing.status_code == 200
    assert edit.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_trainer_cannot_read_the_audit_log(client, trainer):
    client.force_login(trainer)

    assert client.get("/admin/audit_log/").status_code in (302, 403)


def test_an_erasure_undone_by_a_restore_is_applied_again_from_the_log(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    from accounts.gdpr import erase_account

    settings.ERASURE_LOG_PATH = str(tmp_path / "erasure.log")
    person = UserFactory(role="learner")
    email = person.email
    # The backup was made before the deletion: the restored row is the old one.
    restored = {"email": person.email, "first_name": person.first_name}
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(person)
    User.objects.filter(pk=person.pk).update(erased_at=None, is_active=True, **restored)
    log = (tmp_path / "erasure.log").read_text()
    assert email not in log
    assert (tmp_path / "erasure.log").stat().st_mode & 0o077 == 0

    call_command("reapply_erasures")

    person.refresh_from_db()
    assert person.erased_at is not None
    assert person.email != email
