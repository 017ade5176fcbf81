import pytest

from tests.factories import PASSWORD, make_course, make_course_index, make_team

pytestmark = pytest.mark.django_db


def test_learner_cannot_reach_the_wagtail_admin(client, learner):
    client.force_login(learner)

    response = client.get("/admin/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]


def test_trainer_edits_only_their_team_course_and_cannot_see_users(
    client, trainer, site_root
):
    course = make_course(make_course_index(site_root), modules=0)
    make_team(course, trainer)
    client.force_login(trainer)

    home = client.get(f"/admin/pages/{site_root.pk}/edit/")
    edit = client.get(f"/admin/pages/{course.pk}/edit/")
    users = client.get("/admin/users/")

    assert home.status_code == 302
    assert edit.status_code == 200
    assert users.status_code == 302
    assert users["Location"] == "/admin/"
    assert trainer.has_perm("wagtailadmin.access_admin")
    assert not trainer.has_perm("accounts.view_user")


def test_coordinator_has_report_permissions_and_nothing_for_pages(
    client, coordinator, site_root
):
    client.force_login(coordinator)

    assert coordinator.has_perm("reports.view_reports")
    assert coordinator.has_perm("wagtailadmin.access_admin")
    assert not coordinator.has_perm("reports.view_personal_data")
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{site_root.pk}/edit/").status_code == 302


def test_learner_has_no_report_permission(learner):
    assert not learner.has_perm("reports.view_reports")


def test_administrator_can_see_users(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/users/").status_code == 200


def test_staff_can_open_two_factor_setup(client, trainer):
    client.post("/accounts/login/", {"login": trainer.email, "password": PASSWORD})

    response = client.get("/en/accounts/2fa/")

    assert response.status_code == 200
    assert "/accounts/2fa/totp/activate/" in response.content.decode()
