"""The account's own personal data, for export and erasure."""

from allauth.account.models import EmailAddress

from .services import end_sessions


def export_personal_data(user) -> dict:
    organisation = user.organisation
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "organisation": organisation.name if organisation else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "privacy_notice_accepted_at": (
            user.privacy_notice_accepted_at.isoformat()
            if user.privacy_notice_accepted_at
            else None
        ),
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values("email", "verified")
        ),
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def erase_personal_data(user) -> None:
    """Remove login data; the anonymised row itself is written by the service."""
    EmailAddress.objects.filter(user=user).delete()
    try:
        from allauth.mfa.models import Authenticator
    except ImportError:  # MFA not installed
        pass
    else:
        Authenticator.objects.filter(user=user).delete()
    end_sessions(user)
