"""Trainer B cannot choose team A's images, documents, packages or templates.

The choosers list none of them, a chosen view refuses their ids, and a forged
id in a form is refused with an error while nothing is saved.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests.teams.conftest import course_data, module_data, refused

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kind",
    ["image", "document", "content_package", "document_link"],
)
def test_a_forged_id_of_team_a_in_lesson_b_is_refused_and_nothing_saved(
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
        module_data(b.module, body=[blocks[kind]]),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "body" in errors
    assert "#" in str(errors["body"]) and a.module.title not in str(errors["body"])
    b.module.refresh_from_db()
    assert b.module.revisions.count() == revisions


@pytest.mark.parametrize("field", ["cover_image", "certificate_template"])
def test_course_b_cannot_take_a_cover_image_or_certificate_template_of_team_a(
    client, sides, field
):
    a, b = sides
    value = {"cover_image": a.image.pk, "certificate_template": a.template.pk}[field]
    client.force_login(b.trainer)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[b.course.pk]),
        course_data(b.course, **{field: value}),
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    b.course.refresh_from_db()
    assert getattr(b.course, f"{field}_id") is None


def test_template_b_cannot_use_an_image_of_team_a_as_its_logo(client, sides):
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


def test_choosers_offer_trainer_b_only_team_b_things(client, sides):
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
        assert refused(response), name
