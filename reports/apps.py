from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from accounts.roles import EXTRA_ROLE_PERMISSIONS, Role

        from . import (
            completion,  # noqa: F401  (refreshes facts once per change)
            esf,  # noqa: F401  (ESF+ questionnaires after enrolment and completion)
            signals,  # noqa: F401  (admin edits reach the same refresh)
        )

        # Trainers see reports of their own courses and groups (scoped in queries).
        trainer = EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, [])
        if ("reports", "view_reports") not in trainer:
            trainer.append(("reports", "view_reports"))
