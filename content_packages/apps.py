from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentPackagesConfig(AppConfig):
    name = "content_packages"
    verbose_name = _("Content packages (H5P, SCORM)")

    def ready(self) -> None:
        from accounts.roles import (
            EXTRA_ROLE_PERMISSIONS,
            TEAM_COLLECTION_PERMISSIONS,
            Role,
        )

        from . import (
            checks,  # noqa: F401 - registers the content origin check
            completion,  # noqa: F401  (package condition, xAPI steps)
        )

        # Trainers upload packages and place them in modules.
        EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, []).extend(
            [
                ("content_packages", "add_contentpackage"),
                ("content_packages", "change_contentpackage"),
                ("content_packages", "view_contentpackage"),
            ]
        )
        # ... but only in the collections of their course teams.
        TEAM_COLLECTION_PERMISSIONS["content_packages"] = [
            "add_contentpackage",
            "change_contentpackage",
            "choose_contentpackage",
        ]
