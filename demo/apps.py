from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site, accounts, courses and teams behind `manage.py seed_demo`."""

    name = "demo"
    verbose_name = _("Demo content")
