from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from . import roles, two_factor

        # Permissions of every app exist only after migrate; the role groups
        # are re-synced then, so a new app's permissions reach its roles.
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="sync_roles")
        # Activating TOTP counts as signing in with it (accounts.two_factor).
        authenticator_added.connect(
            two_factor.record_activation, dispatch_uid="record_totp_activation"
        )
