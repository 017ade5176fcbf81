"""Which bank categories and questions a user sees and chooses: their team's.

Both live in collections; a course team's group holds the bank permissions on
its team's collection (``TEAM_COLLECTION_PERMISSIONS``, quizzes/apps.py), so
Wagtail's collection permission policy answers, like for certificate templates.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from .models import BankQuestion, QuestionCategory

category_policy = CollectionPermissionPolicy(QuestionCategory)
question_policy = CollectionPermissionPolicy(BankQuestion)


def visible_categories(user) -> QuerySet[QuestionCategory]:
    return category_policy.instances_user_has_any_permission_for(
        user, ["change", "choose"]
    )


def visible_questions(user) -> QuerySet[BankQuestion]:
    return question_policy.instances_user_has_any_permission_for(
        user, ["change", "choose"]
    )
