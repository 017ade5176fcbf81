"""Page permissions of the course tree, in Wagtail's own terms.

Editing happens through course teams: each team's group holds Wagtail page
permissions on its course pages (teams/services.py), so the explorer, the page
editor and every page action scope themselves. Creating a course is the one
thing that cannot be granted that way: "add" on the course index would reach
into every course below it. So the course index answers "may add a course here"
itself, for the people who may create courses (administrators and lead
trainers), and grants nothing inside the courses.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PagePermissionTester

from accounts.roles import may_create_courses
from accounts.scoping import ChoosableOnlyFormMixin


class CourseIndexPermissionTester(PagePermissionTester):
    """Wagtail's tester, plus: lead trainers may add new courses.

    They save the new course as a draft; its team (with them in it) exists from
    then on and grants the publishing, like every other edit.
    """

    def can_add_subpage(self) -> bool:
        if super().can_add_subpage():
            return True
        return self.user.is_active and may_create_courses(self.user)


class CourseCreationMixin:
    """For the course index page model: its tester is the one above."""

    def permissions_for_user(self, user) -> PagePermissionTester:
        return CourseIndexPermissionTester(user, self)


class ChoosableOnlyPageForm(ChoosableOnlyFormMixin, WagtailAdminPageForm):
    """Course and module pages: images, documents, packages, templates of the team."""
