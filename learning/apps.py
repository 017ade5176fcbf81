from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "IQ Lernplattform"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the deployment checks
