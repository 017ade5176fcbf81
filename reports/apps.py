from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from accounts.roles import EXTRA_ROLE_PERMISSIONS, Role

        from . import signals  # noqa: F401  (keeps the participation facts current)

        # Trainers see reports of their own courses and groups (scoped in queries).
        trainer = EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, [])
        if ("reports", "view_reports") not in trainer:
            trainer.append(("reports", "view_reports"))
