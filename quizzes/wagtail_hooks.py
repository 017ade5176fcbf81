"""Admin: a read-only list of quiz attempts; the question bank (bank/admin.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from accounts.audit import audit_viewset
from accounts.scoping import scope_viewset
from learning.admin import MENU_ORDER, ReadOnlyPermissionPolicy

from .bank.admin import QuestionBankGroup
from .bank.scoping import category_policy, question_policy
from .models import Attempt, BankQuestion, QuestionCategory
from .scoping import visible_attempts

register_permission_policy(Attempt, ReadOnlyPermissionPolicy(Attempt))
# Bank categories and questions are kept in the course teams' collections.
register_permission_policy(QuestionCategory, category_policy)
register_permission_policy(BankQuestion, question_policy)


@audit_viewset("quizzes.attempts")
@scope_viewset(visible_attempts)
class AttemptViewSet(ModelViewSet):
    model = Attempt
    name = "quiz_attempts"
    icon = "tasks"
    menu_label = _("Quiz attempts")
    menu_name = "quiz_attempts"
    menu_order = MENU_ORDER["quiz_attempts"]
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


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankGroup()
