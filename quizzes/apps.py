from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        from accounts.roles import (
            EXTRA_ROLE_PERMISSIONS,
            TEAM_COLLECTION_PERMISSIONS,
            Role,
        )

        from . import completion  # noqa: F401  (registers the "quiz passed" condition)

        # The question bank is kept and chosen in the collections of course teams.
        TEAM_COLLECTION_PERMISSIONS["quizzes"] = [
            "add_questioncategory",
            "change_questioncategory",
            "choose_questioncategory",
            "add_bankquestion",
            "change_bankquestion",
            "choose_bankquestion",
        ]
        EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, []).extend(
            [
                ("quizzes", "add_questioncategory"),
                ("quizzes", "change_questioncategory"),
                ("quizzes", "add_bankquestion"),
                ("quizzes", "change_bankquestion"),
            ]
        )
