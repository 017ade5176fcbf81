"""GDPR: the site's pages hold no personal data; accessibility feedback may.

Feedback is sent without an account, so it is found by the email address its
sender gave: exported with the learner's data and deleted with the account.
"""

from .feedback import AccessibilityFeedback

HOLDS_PERSONAL_DATA = {
    "pages.AccessibilityFeedback": "sender's name and email: deleted on erasure",
}
NO_PERSONAL_DATA = {
    "pages.HomePage": "content page",
    "pages.StandardPage": "content page",
    "pages.AccessibilityStatementPage": "content page",
    "pages.EasyLanguagePage": "content page",
    "pages.SignLanguagePage": "content page",
}


def _feedback_of(user):
    return AccessibilityFeedback.objects.filter(email__iexact=user.email)


def export_personal_data(user) -> dict:
    return {
        "accessibility_feedback": [
            {
                "received": feedback.created_at.isoformat(),
                "page": feedback.page_url,
                "message": feedback.message,
                "name": feedback.name,
            }
            for feedback in _feedback_of(user).order_by("created_at")
        ]
    }


def erase_personal_data(user) -> None:
    _feedback_of(user).delete()
