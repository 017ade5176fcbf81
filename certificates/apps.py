from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from accounts.roles import (
            EXTRA_ROLE_PERMISSIONS,
            TEAM_COLLECTION_PERMISSIONS,
            Role,
        )

        from . import (
            checks,  # noqa: F401 - registers the signing key check
            completion,  # noqa: F401 - issues on course completion
        )

        # Trainers design templates and issue, revoke and re-issue certificates;
        # coordinators may look certificates up (e.g. when a verifier asks).
        EXTRA_ROLE_PERMISSIONS.setdefault(Role.TRAINER, []).extend(
            [
                ("certificates", "add_certificatetemplate"),
                ("certificates", "change_certificatetemplate"),
                ("certificates", "view_certificatetemplate"),
                ("certificates", "view_certificate"),
                ("certificates", "issue_certificate"),
                ("certificates", "revoke_certificate"),
                ("certificates", "add_groupcertificatearchive"),
                ("certificates", "view_groupcertificatearchive"),
            ]
        )
        # Templates are kept and chosen in the collections of course teams.
        TEAM_COLLECTION_PERMISSIONS["certificates"] = [
            "add_certificatetemplate",
            "change_certificatetemplate",
            "choose_certificatetemplate",
        ]
        EXTRA_ROLE_PERMISSIONS.setdefault(Role.COORDINATOR, []).append(
            ("certificates", "view_certificate")
        )
