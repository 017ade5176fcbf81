"""Two course teams, A and B, each with a course, a module and its own things.

Helpers build the Wagtail admin's form data and tell a refusal from an answer.
"""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content_packages.models import ContentPackage
from tests.factories import (
    UserFactory,
    make_certificate_template,
    make_course,
    make_course_index,
    make_document,
    make_image,
    make_team,
)


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


def module_data(module, body=None, **fields) -> dict:
    values = {
        "title": module.title,
        "slug": module.slug,
        "intro": rich_text("<p>Einführung</p>"),
        "body": streamfield(body or [("text", rich_text("<p>Text</p>"))]),
        "is_required": "on",
        "completion_viewed": "on",
        "completion_minimum_minutes": 0,
        "completion_packages": "pass_mark",
        "estimated_duration_minutes": 15,
        **fields,
    }
    return nested_form_data(values)


def course_data(course, **fields) -> dict:
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


def refused(response) -> bool:
    """Wagtail answers a refusal with a redirect to the dashboard, 403 or 404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == "/admin/"
