"""Trainer B cannot touch the pages of trainer A's course, through Wagtail's views.

Editing, publishing, locking, unlocking, unpublishing, moving, copying,
deleting, adding and previewing all go through Wagtail's own admin views with
the Django test client, as B's browser would; a refusal changes nothing.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from tests.teams.conftest import module_data, refused

pytestmark = pytest.mark.django_db


def test_trainer_b_cannot_edit_or_publish_a_page_of_course_a(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    url = reverse("wagtailadmin_pages:edit", args=[a.module.pk])
    revisions = a.module.revisions.count()

    assert refused(client.get(url))
    saved = client.post(url, module_data(a.module, title="Von B geändert"))
    published = client.post(
        url,
        module_data(a.module, title="Von B veröffentlicht", **{"action-publish": "1"}),
    )

    assert refused(saved) and refused(published)
    a.module.refresh_from_db()
    assert a.module.title == "Modul 1"
    assert a.module.revisions.count() == revisions


def test_trainer_b_cannot_lock_unlock_or_unpublish_a_page_of_course_a(client, sides):
    a, b = sides
    client.force_login(b.trainer)
    assert refused(client.post(reverse("wagtailadmin_pages:lock", args=[a.module.pk])))
    a.module.refresh_from_db()
    assert not a.module.locked

    client.force_login(a.trainer)
    client.post(reverse("wagtailadmin_pages:lock", args=[a.module.pk]))
    a.module.refresh_from_db()
    assert a.module.locked and a.module.locked_by == a.trainer

    client.force_login(b.trainer)
    unlock = client.post(reverse("wagtailadmin_pages:unlock", args=[a.module.pk]))
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[a.course.pk]))
    assert refused(unlock) and refused(unpublish)
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

    assert refused(move_out) and refused(move_in)
    assert refused(copy) and refused(delete)
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

    assert refused(client.get(add_module))
    assert refused(
        client.post(add_module, module_data(ModulePage(title="Neu", slug="neu")))
    )
    assert refused(client.get(add_course))
    assert not ModulePage.objects.filter(slug="neu").exists()
    assert CoursePage.objects.count() == 2


def test_trainer_b_cannot_preview_or_read_drafts_of_course_a(client, sides):
    a, b = sides
    a.module.title = "Geheimer Entwurf"
    revision = a.module.save_revision()
    client.force_login(b.trainer)

    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[a.module.pk])
    stored = client.post(preview, module_data(a.module, title="Vorschau von B"))
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
        module_data(ModulePage(title="Neu", slug="neu")),
    )

    for response in (stored, shown, draft, old, add_preview):
        assert refused(response), response.status_code
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
        url, module_data(b.module, body=body, **{"action-publish": "1"})
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    b.module.refresh_from_db()
    assert [block.block_type for block in b.module.body] == [
        "image",
        "document",
        "content_package",
    ]
