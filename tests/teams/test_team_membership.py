"""Team membership opens and closes access at once; leads, languages, upgrades."""

from __future__ import annotations

import pytest
from django.urls import reverse

from courses.models import CoursePage
from teams import services
from teams.models import CourseTeam
from tests.factories import UserFactory, make_course, make_course_index, make_image
from tests.teams.conftest import refused

pytestmark = pytest.mark.django_db


# --- Membership opens and closes access at once ---------------------------------------


def test_a_trainer_added_to_a_team_gains_access_at_once_and_loses_it_when_removed(
    client, sides
):
    a, b = sides
    edit = reverse("wagtailadmin_pages:edit", args=[a.module.pk])
    chooser = reverse("wagtailimages_chooser:choose")
    client.force_login(b.trainer)
    assert refused(client.get(edit))

    services.add_member(a.team, b.trainer)
    assert client.get(edit).status_code == 200
    assert "Bild A" in client.get(chooser).json()["html"]

    services.remove_member(a.team, b.trainer)
    assert refused(client.get(edit))
    assert "Bild A" not in client.get(chooser).json()["html"]


def test_administrator_sets_a_teams_members_in_the_admin(client, sides, admin_user):
    a, b = sides
    client.force_login(admin_user)
    url = reverse("course_teams:edit", args=[a.team.pk])

    response = client.post(
        url, {"network": "", "members": [a.trainer.pk, b.trainer.pk]}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(a.team.members) == {a.trainer, b.trainer}
    client.force_login(b.trainer)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[a.module.pk])).status_code
        == 200
    )


def test_lead_trainer_manages_teams_of_their_network_only(client, sides):
    from tests.factories import NetworkFactory

    a, b = sides
    north, south = NetworkFactory(), NetworkFactory()
    services.update_team(a.team, members=[a.trainer], network=north)
    services.update_team(b.team, members=[b.trainer], network=south)
    lead = UserFactory(role="trainer")
    north.lead_trainers.add(lead)
    client.force_login(lead)

    own = client.post(
        reverse("course_teams:edit", args=[a.team.pk]),
        {"network": north.pk, "members": [a.trainer.pk, lead.pk]},
    )
    other = client.post(
        reverse("course_teams:edit", args=[b.team.pk]),
        {"network": south.pk, "members": [lead.pk]},
    )
    moved = client.post(
        reverse("course_teams:edit", args=[a.team.pk]),
        {"network": south.pk, "members": [a.trainer.pk]},
    )

    assert own.status_code == 302
    assert set(a.team.members) == {a.trainer, lead}
    assert other.status_code == 404
    assert list(b.team.members) == [b.trainer]
    assert moved.status_code == 200 and "network" in moved.context["form"].errors
    # A plain member sees the team but cannot change it.
    client.force_login(a.trainer)
    response = client.post(
        reverse("course_teams:edit", args=[a.team.pk]), {"members": [a.trainer.pk]}
    )
    assert refused(response)
    assert set(a.team.members) == {a.trainer, lead}


def test_only_trainers_can_be_members(sides, coordinator):
    from django.core.exceptions import ValidationError

    a, _b = sides
    with pytest.raises(ValidationError):
        services.add_member(a.team, coordinator)
    assert coordinator not in a.team.members


# --- Languages, upgrades, roles -------------------------------------------------------


def test_a_new_language_version_of_the_course_joins_its_team(client, sides):
    from wagtail.models import Locale

    a, b = sides
    english_locale = Locale.objects.get(language_code="en")
    a.course.get_parent().specific.copy_for_translation(english_locale)  # the admin's
    client.force_login(a.trainer)
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[a.course.pk]),
        {"locales": [english_locale.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    english = CoursePage.objects.get(
        translation_key=a.course.translation_key, locale__language_code="en"
    )

    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code
        == 200
    )
    client.force_login(b.trainer)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])))


def test_existing_courses_get_a_team_of_their_owner_with_the_content_they_use(
    site_root,
):
    from wagtail.models import Collection

    owner = UserFactory(role="trainer")
    image = make_image("Altes Titelbild")  # uploaded before teams: root collection
    course = make_course(make_course_index(site_root), "Alter Kurs", modules=1)
    course.owner = owner
    course.cover_image = image
    course.save_revision().publish()

    created = services.ensure_course_teams()

    team = CourseTeam.objects.get(course_key=course.translation_key)
    assert created == [team] and list(team.members) == [owner]
    image.refresh_from_db()
    assert image.collection == team.collection
    assert Collection.get_first_root_node().get_children().filter(pk=team.collection.pk)
    assert services.ensure_course_teams() == []  # idempotent
    assert course.permissions_for_user(owner).can_publish()


def test_the_trainers_group_holds_no_page_or_collection_permission(db):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    from accounts.roles import sync_role_groups

    trainers = sync_role_groups()["trainer"]
    assert isinstance(trainers, Group)
    assert not GroupPagePermission.objects.filter(group=trainers).exists()
    assert not GroupCollectionPermission.objects.filter(group=trainers).exists()
    assert trainers.permissions.filter(codename="access_admin").exists()
