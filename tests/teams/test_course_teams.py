"""Course teams: trainer B cannot touch trainer A's course, nor use A's things.

Everything goes through Wagtail's own admin views with the Django test client,
as a trainer's browser would: editing, locking, unlocking, publishing,
unpublishing, moving, copying, deleting, previewing, adding pages, and choosing
images, documents, content packages and certificate templates. A refused
request changes nothing; a forged id in a form is refused with an error.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content_packages.models import ContentPackage
from courses.models import CoursePage, ModulePage
from teams import services
from teams.models import CourseTeam
from tests.factories import (
    UserFactory,
    make_certificate_template,
    make_course,
    make_course_index,
    make_document,
    make_image,
    make_team,
)

pytestmark = pytest.mark.django_db


class Side:
    """One team's course, module and things."""

    def __init__(self, index, letter: str):
        self.trainer = UserFactory(role="trainer", last_name=f"Trainer {letter}")
        self.course = make_course(index, f"Kurs {letter}", modules=1)
        self.team = make_team(self.course, self.trainer)
        self.module = self.course.get_modules().get().specific
        # Distinct slugs, so a move between the courses fails only for permission.
        self.module.slug = f"modul-{letter.lower()}"
        self.module.save_revision().publish()
        self.module.refresh_from_db()
        collection = self.team.collection
        self.image = make_image(f"Bild {letter}", collection)
        self.document = make_document(f"Handout {letter}", collection)
        self.template = make_certificate_template(
            title=f"Vorlage {letter}", collection=collection
        )
        self.package = ContentPackage.objects.create(
            title=f"Paket {letter}",
            kind="h5p",
            original_filename=f"paket-{letter}.h5p",
            launch_path="content/content.json",
            collection=collection,
            uploaded_by=self.trainer,
        )


@pytest.fixture
def sides(site_root):
    index = make_course_index(site_root)
    return Side(index, "A"), Side(index, "B")


def _module_data(module, body=None, **fields) -> dict:
    values = {
        "title": module.title,
        "slug": module.slug,
        "intro": rich_text("<p>Einführung</p>"),
        "body": streamfield(body or [("text", rich_text("<p>Text</p>"))]),
        "is_required": "on",
        "completion_rule": "viewed",
        "estimated_duration_minutes": 15,
        **fields,
    }
    return nested_form_data(values)


def _course_data(course, **fields) -> dict:
    values = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "audience": course.audience,
        "estimated_duration_minutes": 60,
        "learning_objectives": rich_text(""),
        "completion_rule": "all_required_modules",
        **fields,
    }
    return nested_form_data(values)


def _refused(response) -> bool:
    """Wagtail answers a refusal with a redirect to the dashboard, 403 or 404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == "/admin/"


# --- B against A's pages ------------------------------------------------------------


def test_trainer_b_cannot_edit_or_publish_a_page_of_course_a(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    url = reverse("wagtailadmin_pages:edit", args=[a.module.pk])
    revisions = a.module.revisions.count()

    assert _refused(client.get(url))
    saved = client.post(url, _module_data(a.module, title="Von B geändert"))
    published = client.post(
        url,
        _module_data(a.module, title="Von B veröffentlicht", **{"action-publish": "1"}),
    )

    assert _refused(saved) and _refused(published)
    a.module.refresh_from_db()
    assert a.module.title == "Modul 1"
    assert a.module.revisions.count() == revisions


def test_trainer_b_cannot_lock_unlock_or_unpublish_a_page_of_course_a(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    assert _refused(client.post(reverse("wagtailadmin_pages:lock", args=[a.module.pk])))
    a.module.refresh_from_db()
    assert not a.module.locked

    client.force_login(a.trainer)
    client.post(reverse("wagtailadmin_pages:lock", args=[a.module.pk]))
    a.module.refresh_from_db()
    assert a.module.locked and a.module.locked_by == a.trainer

    client.force_login(b.trainer)
    unlock = client.post(reverse("wagtailadmin_pages:unlock", args=[a.module.pk]))
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[a.course.pk]))
    assert _refused(unlock) and _refused(unpublish)
    a.module.refresh_from_db()
    a.course.refresh_from_db()
    assert a.module.locked and a.course.live


def test_trainer_b_cannot_move_copy_or_delete_pages_of_course_a(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    pages_before = Page.objects.count()

    move_out = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[a.module.pk, b.course.pk])
    )
    move_in = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[b.module.pk, a.course.pk])
    )
    copy = client.post(
        reverse("wagtailadmin_pages:copy", args=[a.module.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": b.course.pk,
            "publish_copies": "on",
        },
    )
    delete = client.post(reverse("wagtailadmin_pages:delete", args=[a.module.pk]))

    assert _refused(move_out) and _refused(move_in)
    assert _refused(copy) and _refused(delete)
    assert Page.objects.count() == pages_before
    assert a.module.get_parent().pk == a.course.pk
    assert b.module.get_parent().pk == b.course.pk
    assert not Page.objects.filter(title="Kopie").exists()


def test_trainer_b_cannot_add_pages_to_course_a_nor_create_courses(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    add_module = reverse(
        "wagtailadmin_pages:add", args=["courses", "modulepage", a.course.pk]
    )
    add_course = reverse(
        "wagtailadmin_pages:add",
        args=["courses", "coursepage", a.course.get_parent().pk],
    )

    assert _refused(client.get(add_module))
    assert _refused(
        client.post(add_module, _module_data(ModulePage(title="Neu", slug="neu")))
    )
    assert _refused(client.get(add_course))
    assert not ModulePage.objects.filter(slug="neu").exists()
    assert CoursePage.objects.count() == 2


def test_trainer_b_cannot_preview_or_read_drafts_of_course_a(client, sides):
    a, b = sides
    a.module.title = "Geheimer Entwurf"
    revision = a.module.save_revision()
    client.force_login(b.trainer)

    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[a.module.pk])
    stored = client.post(preview, _module_data(a.module, title="Vorschau von B"))
    shown = client.get(preview)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[a.module.pk]))
    old = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[a.module.pk, revision.pk])
    )
    add_preview = client.post(
        reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["courses", "modulepage", a.course.pk],
        ),
        _module_data(ModulePage(title="Neu", slug="neu")),
    )

    for response in (stored, shown, draft, old, add_preview):
        assert _refused(response), response.status_code
        assert b"Geheimer Entwurf" not in response.content


def test_trainer_b_edits_their_own_course_as_usual(client, sides):
    _a, b = sides
    client.force_login(b.trainer)
    url = reverse("wagtailadmin_pages:edit", args=[b.module.pk])
    body = [
        (
            "image",
            {
                "image": {"image": b.image.pk, "alt_text": "Team", "decorative": False},
                "caption": "",
            },
        ),
        ("document", {"document": b.document.pk, "description": ""}),
        (
            "content_package",
            {"package": b.package.pk, "title": "", "pass_mark_percent": 50},
        ),
    ]

    response = client.post(
        url, _module_data(b.module, body=body, **{"action-publish": "1"})
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    b.module.refresh_from_db()
    assert [block.block_type for block in b.module.body] == [
        "image",
        "document",
        "content_package",
    ]


# --- B choosing A's things ------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    ["image", "document", "content_package", "document_link"],
)
def test_a_forged_id_of_team_a_in_bs_lesson_is_refused_and_nothing_saved(
    client, sides, kind
):
    a, b = sides
    blocks = {
        "image": (
            "image",
            {
                "image": {
                    "image": a.image.pk,
                    "alt_text": "Fremd",
                    "decorative": False,
                },
                "caption": "",
            },
        ),
        "document": ("document", {"document": a.document.pk, "description": ""}),
        "content_package": (
            "content_package",
            {"package": a.package.pk, "title": "", "pass_mark_percent": 50},
        ),
        "document_link": (
            "text",
            rich_text(
                f'<p><a linktype="document" id="{a.document.pk}">Handout</a></p>'
            ),
        ),
    }
    client.force_login(b.trainer)
    revisions = b.module.revisions.count()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[b.module.pk]),
        _module_data(b.module, body=[blocks[kind]]),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "body" in errors
    assert "#" in str(errors["body"]) and a.module.title not in str(errors["body"])
    b.module.refresh_from_db()
    assert b.module.revisions.count() == revisions


@pytest.mark.parametrize("field", ["cover_image", "certificate_template"])
def test_bs_course_cannot_take_team_as_cover_image_or_template(client, sides, field):
    a, b = sides
    value = {"cover_image": a.image.pk, "certificate_template": a.template.pk}[field]
    client.force_login(b.trainer)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[b.course.pk]),
        _course_data(b.course, **{field: value}),
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    b.course.refresh_from_db()
    assert getattr(b.course, f"{field}_id") is None


def test_bs_template_cannot_use_team_as_logo(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:edit", args=[b.template.pk]
    )
    response = client.post(
        url,
        {
            "title": b.template.title,
            "collection": b.team.collection.pk,
            "body": b.template.body,
            "language": "de",
            "logo": a.image.pk,
        },
    )
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    b.template.refresh_from_db()
    assert b.template.logo_id is None


def test_choosers_offer_b_only_team_bs_things(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    for name, own, foreign in (
        ("wagtailimages_chooser:choose", "Bild B", "Bild A"),
        ("wagtaildocs_chooser:choose", "Handout B", "Handout A"),
        (
            "wagtailsnippetchoosers_content_packages_contentpackage:choose",
            "Paket B",
            "Paket A",
        ),
        (
            "wagtailsnippetchoosers_certificates_certificatetemplate:choose",
            "Vorlage B",
            "Vorlage A",
        ),
    ):
        html = client.get(reverse(name)).json()["html"]
        assert own in html and foreign not in html, name

    for name, foreign_pk in (
        ("wagtailsnippetchoosers_content_packages_contentpackage:chosen", a.package.pk),
        (
            "wagtailsnippetchoosers_certificates_certificatetemplate:chosen",
            a.template.pk,
        ),
        ("wagtailimages_chooser:chosen", a.image.pk),
        ("wagtaildocs_chooser:chosen", a.document.pk),
    ):
        response = client.get(reverse(name, args=[foreign_pk]))
        assert _refused(response), name


# --- Membership opens and closes access at once ---------------------------------------


def test_a_trainer_added_to_a_team_gains_access_at_once_and_loses_it_when_removed(
    client, sides
):
    a, b = sides
    edit = reverse("wagtailadmin_pages:edit", args=[a.module.pk])
    chooser = reverse("wagtailimages_chooser:choose")
    client.force_login(b.trainer)
    assert _refused(client.get(edit))

    services.add_member(a.team, b.trainer)
    assert client.get(edit).status_code == 200
    assert "Bild A" in client.get(chooser).json()["html"]

    services.remove_member(a.team, b.trainer)
    assert _refused(client.get(edit))
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
    assert _refused(response)
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
    assert _refused(client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])))


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
