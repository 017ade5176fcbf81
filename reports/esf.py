"""ESF+ questionnaires where they belong: at enrolment and at completion.

Courses know nothing of this app: this module registers a next step after
enrolling (the entry questionnaire, the first time a person enrols in an
ESF+-funded course), a next step after completing (the exit questionnaire)
and a completion step that keeps a row for the exit answers and queues one
reminder email within the four weeks after completion. Every question has
"no answer" and every step can be skipped: nothing here blocks a course.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks.exceptions import InvalidTaskError

from courses import next_steps
from courses.models import CoursePage, Enrollment, EnrollmentStatus
from courses.pipeline import CourseCompleted, Event, register_step

from .models import ParticipantExitIndicators, ParticipantIndicators

# The immediate results count "within four weeks of leaving" (Regulation (EU)
# 2021/1057, Annex I, point 1.2): the reminder goes out well inside that window.
EXIT_WINDOW = timedelta(weeks=4)


def reminder_delay() -> timedelta:
    return timedelta(days=int(getattr(settings, "REPORTS_ESF_REMINDER_DAYS", 7)))


def is_funded(enrollment: Enrollment) -> bool:
    """Funding is set per language version; any funded version counts."""
    return CoursePage.objects.filter(
        translation_key=enrollment.course_key, esf_funded=True
    ).exists()


def _funded_keys():
    return CoursePage.objects.filter(esf_funded=True).values("translation_key")


def needs_entry_questionnaire(enrollment: Enrollment) -> bool:
    """First enrolment in a funded course, and no entry answers yet."""
    if not is_funded(enrollment):
        return False
    if ParticipantIndicators.objects.filter(user_id=enrollment.user_id).exists():
        return False
    return not (
        Enrollment.objects.filter(
            user_id=enrollment.user_id, course_key__in=_funded_keys()
        )
        .exclude(pk=enrollment.pk)
        .exists()
    )


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


@next_steps.register_after_enrolment
def entry_questionnaire(request, enrollment: Enrollment) -> str | None:
    if not needs_entry_questionnaire(enrollment):
        return None
    course = enrollment.course.localized
    return _with_next(reverse("reports:my_indicators"), course.get_url(request))


@next_steps.register_after_completion
def exit_questionnaire(request, enrollment: Enrollment) -> str | None:
    exit_row = ParticipantExitIndicators.objects.filter(
        enrollment=enrollment, answered_at__isnull=True
    ).first()
    if exit_row is None:
        return None
    return reverse("reports:exit_questionnaire", args=[enrollment.pk])


@register_step(Event.COURSE_COMPLETED, "reports: ESF+ exit questionnaire", order=200)
def prepare_exit_questionnaire(event: CourseCompleted) -> None:
    """Keep a row for the exit answers and queue the reminder (after the commit)."""
    if not is_funded(event.enrollment):
        return
    exit_row, created = ParticipantExitIndicators.objects.get_or_create(
        enrollment=event.enrollment
    )
    if created:
        schedule_exit_reminder(exit_row.enrollment_id)


def schedule_exit_reminder(enrollment_id: int) -> None:
    from .tasks import send_exit_reminder

    delay = reminder_delay()

    def enqueue() -> None:
        if not delay:
            send_exit_reminder.enqueue(enrollment_id)
            return
        # Backends without deferred runs (the tests' immediate one) send none.
        with contextlib.suppress(InvalidTaskError):
            send_exit_reminder.using(run_after=timezone.now() + delay).enqueue(
                enrollment_id
            )

    transaction.on_commit(enqueue)


def send_exit_reminder(enrollment_id: int, now=None) -> bool:
    """Remind once, within four weeks of completion, if not yet answered."""
    from accounts.services import send_email_later

    now = now or timezone.now()
    exit_row = (
        ParticipantExitIndicators.objects.filter(
            enrollment_id=enrollment_id,
            answered_at__isnull=True,
            reminder_sent_at__isnull=True,
            enrollment__status=EnrollmentStatus.COMPLETED,
            enrollment__completed_at__gt=now - EXIT_WINDOW,
        )
        .select_related("enrollment__user", "enrollment__course")
        .first()
    )
    if exit_row is None:
        return False
    claimed = ParticipantExitIndicators.objects.filter(
        pk=exit_row.pk, reminder_sent_at__isnull=True
    ).update(reminder_sent_at=now)
    user = exit_row.enrollment.user
    if not claimed or not user.is_active or not user.email:
        return False
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        course = exit_row.enrollment.course.localized
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "reports:exit_questionnaire", args=[enrollment_id]
        )
        body = render_to_string(
            "reports/email/exit_reminder.txt",
            {"user": user, "course": course, "url": url},
        )
        subject = _("Your course “%(course)s”: a few short questions for the ESF+") % {
            "course": course.title
        }
    message = EmailMultiAlternatives(
        subject.replace("\n", " "), body, settings.DEFAULT_FROM_EMAIL, [user.email]
    )
    transaction.on_commit(lambda: send_email_later(message, recipient=user))
    return True
