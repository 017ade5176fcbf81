"""Every staff view of a named person's data writes exactly one audit entry.

The entries are append-only, visible to the data-protection role, and part of
the person's own data export.
"""

import json

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry
from accounts.roles import Role, assign_role
from tests.factories import UserFactory
from tests.security.world import build_world

pytestmark = pytest.mark.django_db


def _about(learner):
    return AuditEntry.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).filter(
        subject=learner
    ) | AuditEntry.objects.filter(
        action=AuditAction.PERSONAL_DATA_VIEWED, subjects=learner
    )


def test_each_staff_view_of_a_person_writes_one_entry_and_the_export_shows_it(
    client,
):
    world = build_world()
    learner = world.users["learner"]
    admin = world.users["admin"]
    coordinator = world.users["coordinator"]
    attempt = world.submitted_attempt
    views = [
        (admin, reverse("reports_admin:people"), "reports.people", True),
        (admin, reverse("quiz_attempts:index"), "quizzes.attempts.list", True),
        (
            admin,
            reverse("quiz_attempts:index") + "?export=csv",
            "quizzes.attempts.export",
            True,
        ),
        (
            admin,
            reverse("quiz_attempts:inspect", args=[attempt.pk]),
            "quizzes.attempts.inspect",
            True,
        ),
        (
            admin,
            reverse("certificates_admin:index"),
            "certificates.issued.list",
            True,
        ),
        (
            admin,
            reverse("certificates_admin:inspect", args=[world.certificate.pk]),
            "certificates.issued.inspect",
            True,
        ),
        (
            world.trainer,
            reverse("certificates_admin:group", args=[world.group.pk]),
            "certificates.group",
            False,  # the learner is not in this group; the other learner is
        ),
        (
            admin,
            reverse("certificates:pdf", args=[world.certificate.uuid]),
            "certificates.pdf",
            True,
        ),
        (admin, reverse("wagtailusers_users:index"), "users.list", True),
        (
            admin,
            reverse("wagtailusers_users:edit", args=[learner.pk]),
            "users.edit",
            True,
        ),
        (
            coordinator,
            reverse("reports_admin:job_download", args=[world.export_job.pk]),
            "reports.export_download",
            False,
        ),
    ]
    for user, url, what, names_learner in views:
        client.force_login(user)
        before = AuditEntry.objects.count()
        before_about = _about(learner).count()

        response = client.get(url)

        assert response.status_code == 200, url
        new = AuditEntry.objects.order_by("-pk")[: AuditEntry.objects.count() - before]
        assert [e.what for e in new] == [what], url
        assert new[0].actor == user
        assert _about(learner).distinct().count() == before_about + (
            1 if names_learner else 0
        ), url

    other = world.users["other_learner"]
    group_entry = AuditEntry.objects.get(what="certificates.group")
    assert other in group_entry.subjects.all()

    client.force_login(learner)
    exported = json.loads(client.get("/profile/my-data.json").content)
    entries = exported["accounts"]["audit_entries_about_you"]
    seen = {entry["what"] for entry in entries}
    assert {"reports.people", "certificates.pdf", "quizzes.attempts.inspect"} <= seen
    assert all(entry["by"] for entry in entries if entry["what"])


def test_the_data_protection_officer_reads_the_whole_log_and_cannot_edit_it(client):
    officer = UserFactory(role="learner")
    assign_role(officer, Role.DATA_PROTECTION)
    coordinator = UserFactory(role="coordinator")
    learner = UserFactory(role="learner")
    from accounts.services import record_access

    entry = record_access(coordinator, what="reports.people", subjects=[learner])
    client.force_login(officer)

    listing = client.get(reverse("audit_log:index"))
    assert listing.status_code == 200
    assert "reports.people" in listing.content.decode()
    assert client.get(reverse("audit_log:edit", args=[entry.pk])).status_code in (
        302,
        403,
    )
    post = client.post(reverse("audit_log:delete", args=[entry.pk]))
    assert post.status_code in (302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    entry.reason = "changed"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
