"""Admin: a read-only list of quiz attempts for trainers and coordinators."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.audit import audit_viewset
from accounts.scoping import scope_viewset

from .models import Attempt
from .scoping import visible_attempts


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Attempts are records of what a learner did: viewable, never edited."""

    def user_has_permission(self, user, action):
        if action not in ("view", "inspect"):
            return False
        return super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))


@audit_viewset("quizzes.attempts")
@scope_viewset(visible_attempts)
class AttemptViewSet(ModelViewSet):
    model = Attempt
    name = "quiz_attempts"
    icon = "tasks"
    menu_label = _("Quiz attempts")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "user",
        "quiz",
        "number",
        "status",
        "score_percent",
        "passed",
        "submitted_at",
    ]
    list_filter = ["status", "passed", "submitted_at"]
    list_export = [
        "user",
        "quiz",
        "number",
        "status",
        "started_at",
        "submitted_at",
        "score_points",
        "max_points",
        "score_percent",
        "passed",
    ]
    search_fields = ["user__email", "user__last_name"]
    search_backend_name = None  # plain ORM lookups; attempts are not indexed
    inspect_view_fields = list_export
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_attempt_viewset():
    return AttemptViewSet()
