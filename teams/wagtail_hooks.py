"""Course teams in the admin, and the hooks that start a team with its course."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from accounts.models import Network
from accounts.roles import Role, has_role, is_lead_trainer, sees_everything
from accounts.scoping import in_scope, scope_viewset
from courses.models import CoursePage
from learning.admin import MENU_ORDER

from . import services
from .admin_views import CourseTeamCreateView, CourseTeamEditView, CourseTeamIndexView
from .forms import CourseTeamForm
from .models import CourseTeam
from .scoping import manageable_teams, visible_teams


class CourseTeamPermissionPolicy(ModelPermissionPolicy):
    """Administrators add and edit teams, lead trainers edit those of their
    networks, members look at their own; nobody deletes one (it goes with its
    course)."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active) or action == "delete":
            return False
        if sees_everything(user):
            return True
        if action == "change":
            return is_lead_trainer(user)
        if action in {"view", "inspect"}:
            return has_role(user, Role.TRAINER)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        scope = manageable_teams if action == "change" else visible_teams
        return in_scope(scope, user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if "change" in actions and not {"view", "inspect"} & set(actions):
            return manageable_teams(user)
        return visible_teams(user)


register_permission_policy(CourseTeam, CourseTeamPermissionPolicy(CourseTeam))


class CourseTeamFilterSet(WagtailFilterSet):
    """The network filter offers the networks of the teams the user sees."""

    network = django_filters.ModelChoiceFilter(
        label=_("Network"),
        queryset=lambda request: Network.objects.filter(
            pk__in=visible_teams(request.user).values("network")
        ),
    )

    class Meta:
        model = CourseTeam
        fields = ["network"]


def _members(team: CourseTeam) -> str:
    return ", ".join(str(member) for member in team.members) or "–"


@scope_viewset(visible_teams)
class CourseTeamViewSet(ModelViewSet):
    model = CourseTeam
    name = "course_teams"
    icon = "group"
    menu_label = _("Course teams")
    menu_name = "course_teams"
    menu_order = MENU_ORDER["course_teams"]
    add_to_admin_menu = True
    index_view_class = CourseTeamIndexView
    add_view_class = CourseTeamCreateView
    edit_view_class = CourseTeamEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("course", label=_("Course")),
        Column("network", label=_("Network")),
        Column("member_names", label=_("Members"), accessor=_members),
        "created_at",
    ]
    filterset_class = CourseTeamFilterSet
    search_fields = ["course__title"]
    search_backend_name = None
    inspect_view_fields = ["course", "network", "group", "collection", "created_at"]
    edit_handler = ObjectList(
        [FieldPanel("course"), FieldPanel("network"), FieldPanel("members")],
        base_form_class=CourseTeamForm,
    )


@hooks.register("register_admin_viewset")
def register_course_teams():
    return CourseTeamViewSet()


@hooks.register("after_create_page")
def start_team_of_new_course(request, page):
    """Whoever creates a course in the admin starts its team (a service call)."""
    if isinstance(page.specific, CoursePage):
        services.start_team_for_new_course(page.specific, request.user)


@hooks.register("after_copy_page")
def start_team_of_copied_course(request, page, new_page):
    """A copied course is a new course (a new translation key): a new team."""
    if isinstance(new_page.specific, CoursePage):
        services.start_team_for_new_course(new_page.specific, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_other_teams_drafts(pages, request):
    """The page chooser (links, internal pages) shows live pages and the pages
    the user may edit; other teams' drafts stay out of sight."""
    user = request.user
    if sees_everything(user):
        return pages
    explorable = policy_registry.get_by_type(pages.model).explorable_instances(user)
    return pages.filter(live=True) | pages.filter(pk__in=explorable.values("pk"))
