from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live trainings")

    def ready(self) -> None:
        from . import completion  # noqa: F401  (registers the attendance condition)
