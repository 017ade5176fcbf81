from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Course teams")

    def ready(self) -> None:
        from wagtail.signals import copy_for_translation_done

        from . import services

        # After the role groups (accounts connects first): every course has a team.
        post_migrate.connect(services.sync_after_migrate, dispatch_uid="sync_teams")
        # A new language version of a course gets its team's page permissions.
        copy_for_translation_done.connect(
            services.grant_new_translation, dispatch_uid="teams_translation"
        )
