"""Editors can build courses in the Wagtail admin, and the tree stays honest."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, ModulePage
from pages.models import HomePage
from tests.factories import (
    NetworkFactory,
    UserFactory,
    make_course,
    make_course_index,
    make_team,
)


def module_form_data(title: str = "Modul A") -> dict:
    """Admin form data for a module using most lesson block types."""
    body = streamfield(
        [
            ("text", rich_text("<p>Einführung</p>")),
            (
                "callout",
                {"kind": "tip", "title": "Tipp", "text": rich_text("<p>x</p>")},
            ),
            (
                "case_study",
                {
                    "title": "Fall",
                    "situation": rich_text("<p>Situation</p>"),
                    "question": "Warum?",
                    "options": streamfield(
                        [
                            ("item", {"text": "A", "feedback": rich_text("<p>a</p>")}),
                            ("item", {"text": "B", "feedback": rich_text("<p>b</p>")}),
                        ]
                    ),
                },
            ),
            ("reflection", {"prompt": rich_text("<p>Und Sie?</p>")}),
            (
                "accordion",
                {
                    "title": "Glossar",
                    "entries": streamfield(
                        [
                            (
                                "item",
                                {
                                    "term": "Anerkennung",
                                    "definition": rich_text("<p>…</p>"),
                                },
                            )
                        ]
                    ),
                },
            ),
        ]
    )
    return nested_form_data(
        {
            "title": title,
            "intro": rich_text("<p>Worum es geht</p>"),
            "body": body,
            "is_required": "on",
            "completion_viewed": "on",
            "completion_minimum_minutes": 0,
            "completion_packages": "pass_mark",
            "estimated_duration_minutes": 20,
        }
    )


class CoursePageTypesTests(WagtailPageTestCase):
    def setUp(self):
        from demo.pages import create_site_pages

        self.home = create_site_pages()
        # A trainer, not a superuser: the role's and the team's permissions must
        # suffice.
        self.admin = UserFactory(role="trainer")
        self.client.force_login(self.admin)

    def team_course(self, modules: int):
        course = make_course(make_course_index(self.home), modules=modules)
        make_team(course, self.admin)
        return course

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(HomePage, ModulePage)

    def test_administrator_creates_course_index_and_trainer_cannot(self):
        data = nested_form_data({"title": "Kurse", "intro": rich_text("<p>Alle</p>")})
        url = reverse(
            "wagtailadmin_pages:add", args=["courses", "courseindexpage", self.home.pk]
        )
        self.client.post(url, data)
        self.assertFalse(CourseIndexPage.objects.exists())

        self.client.force_login(UserFactory(role="administrator", is_superuser=True))
        self.assertCanCreate(self.home, CourseIndexPage, data)

    def test_lead_trainer_creates_course_and_becomes_its_first_team_member(self):
        from teams.models import CourseTeam

        index = make_course_index(self.home)
        data = nested_form_data(
            {
                "title": "Anerkennung",
                "summary": "Ausländische Abschlüsse anerkennen.",
                "audience": "employers",
                "estimated_duration_minutes": 90,
                "learning_objectives": rich_text("<ul><li>Verfahren</li></ul>"),
                "completion_rule": "all_required_modules",
            }
        )
        url = reverse(
            "wagtailadmin_pages:add", args=["courses", "coursepage", index.pk]
        )
        self.client.post(url, data)  # a trainer who leads no network
        self.assertFalse(CoursePage.objects.exists())

        network = NetworkFactory()
        network.lead_trainers.add(self.admin)
        # Saved as a draft: publishing comes with the team, in the editor.
        self.assertCanCreate(index, CoursePage, data, publish=False)
        course = CoursePage.objects.get(title="Anerkennung")
        team = CourseTeam.objects.get(course_key=course.translation_key)
        self.assertEqual(list(team.members), [self.admin])
        self.assertEqual(team.network, network)
        self.assertPageIsEditable(course)
        self.assertTrue(course.permissions_for_user(self.admin).can_publish())

    def test_trainer_can_create_module_with_lesson_blocks(self):
        course = self.team_course(modules=0)
        self.assertCanCreate(course, ModulePage, module_form_data())
        module = ModulePage.objects.get(title="Modul A")
        self.assertEqual(
            [block.block_type for block in module.body],
            ["text", "callout", "case_study", "reflection", "accordion"],
        )

    def test_pages_are_editable_and_previewable(self):
        course = self.team_course(modules=1)
        module = course.get_modules().get()
        self.assertPageIsEditable(course)
        self.assertPageIsPreviewable(course)
        self.assertPageIsPreviewable(module, post_data=module_form_data())
        self.client.force_login(self.admin)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
        self.assertEqual(response.status_code, 200)

    def test_new_module_can_be_previewed_before_it_is_saved(self):
        course = self.team_course(modules=1)
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["courses", "modulepage", course.pk],
        )
        response = self.client.post(url, module_form_data("Neues Modul"))
        self.assertEqual(response.json()["is_valid"], True)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Neues Modul")
        self.assertContains(response, "Modul 1")  # the course's other module
