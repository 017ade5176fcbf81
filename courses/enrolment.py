"""Enrolment: who takes part in a course, by themselves, by code or by a trainer.

Enrolments are keyed on the course's translation key, so all language versions
of a course share them. `courses.services` re-exports these for its callers.
"""

import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emails import enrolment_confirmed
from .models import (
    CoursePage,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    WorkshopGroup,
)

# No 0/O, 1/I/L: codes are read aloud in workshops and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def enrol(
    user,
    course: CoursePage,
    *,
    source: str = EnrollmentSource.SELF,
    group: WorkshopGroup | None = None,
    by=None,
) -> Enrollment:
    """Enrol a user; idempotent, and re-enrolling after withdrawing reactivates."""
    with transaction.atomic():
        enrollment, created = Enrollment.objects.select_for_update().get_or_create(
            user=user,
            course_key=course.translation_key,
            defaults={
                "course": course,
                "source": source,
                "group": group,
                "enrolled_by": by,
            },
        )
        if created:
            enrolment_confirmed(enrollment)
            return enrollment
        changed = []
        reactivated = enrollment.status == EnrollmentStatus.WITHDRAWN
        if reactivated:
            enrollment.status = (
                EnrollmentStatus.COMPLETED
                if enrollment.completed_at
                else EnrollmentStatus.ACTIVE
            )
            enrollment.withdrawn_at = None
            enrollment.course = course
            enrollment.source = source
            enrollment.enrolled_by = by
            changed += ["status", "withdrawn_at", "course", "source", "enrolled_by"]
        if group is not None and enrollment.group_id != group.pk:
            enrollment.group = group
            changed.append("group")
        if changed:
            enrollment.save(update_fields=changed)
        if reactivated:
            enrolment_confirmed(enrollment)
        return enrollment


def unenrol(user, course: CoursePage) -> None:
    """Withdraw; the enrolment and all progress stay, so nothing done is lost."""
    enrollment = (
        Enrollment.objects.current()
        .filter(user=user, course_key=course.translation_key)
        .first()
    )
    if enrollment is None:
        return
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.withdrawn_at = timezone.now()
    enrollment.save(update_fields=["status", "withdrawn_at"])  # signals see it


def enrol_users(users: Iterable, course: CoursePage, *, by) -> int:
    """Enrol several users (a trainer's list); returns how many were newly enrolled."""
    users = list(users)
    already = set(
        Enrollment.objects.current()
        .filter(course_key=course.translation_key, user__in=users)
        .values_list("user_id", flat=True)
    )
    count = 0
    for user in users:
        if user.pk in already:
            continue
        enrol(user, course, source=EnrollmentSource.TRAINER, by=by)
        count += 1
    return count


def enrol_organisation(organisation, course: CoursePage, *, by) -> int:
    """Enrol every active member of an organisation; returns how many are new."""
    return enrol_users(organisation.members.filter(is_active=True), course, by=by)


def normalise_code(code: str) -> str:
    """Codes are compared without case, spaces or hyphens."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def generate_enrolment_code() -> str:
    """A random code, unique among workshop groups."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        if not WorkshopGroup.objects.filter(enrolment_code=code).exists():
            return code


def enrol_with_code(user, code: str) -> Enrollment:
    """Join a workshop group and its course; a clear ValidationError if not."""
    normalised = normalise_code(code)
    group = (
        WorkshopGroup.objects.select_related("course")
        .filter(enrolment_code=normalised)
        .first()
        if normalised
        else None
    )
    if group is None:
        raise ValidationError(
            _("There is no workshop group with this code. Please check the code."),
            code="unknown_code",
        )
    if not group.course.live:
        raise ValidationError(
            _("The course of this workshop group is not available at the moment."),
            code="course_unavailable",
        )
    today = timezone.localdate()
    if group.end_date and group.end_date < today:
        raise ValidationError(
            _("This workshop group has ended; its code is no longer valid."),
            code="group_ended",
        )
    return enrol(user, group.course, source=EnrollmentSource.GROUP_CODE, group=group)
