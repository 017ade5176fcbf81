"""The enrolment confirmation, in the learner's language, sent after the commit."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Enrollment


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def enrolment_confirmed(enrollment: Enrollment) -> None:
    """Queue the confirmation once the enrolment is committed (none on rollback)."""
    from accounts import emails
    from accounts.services import send_email_later

    user = enrollment.user
    if not user.is_active or not user.email:
        return
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        course = enrollment.course.specific
        localized = course.localized if hasattr(course, "localized") else course
        context = {
            "name": user.get_full_name() or user.email,
            "course_title": localized.title,
            "course_url": localized.full_url or _absolute(localized.url or "/"),
            "my_learning_url": _absolute(reverse("accounts:my_learning")),
        }
        subject = _("You are enrolled: %(course)s") % {"course": localized.title}
        body = render_to_string("courses/email/enrolled.txt", context)
        message = emails.build(subject, body, user.email, user=user)
    transaction.on_commit(lambda: send_email_later(message, recipient=user))
