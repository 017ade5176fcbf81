"""Enrolment and progress: the only place where these records change.

Views, the Wagtail admin, the quizzes app and management commands call these
functions. Enrolments are keyed on the course's translation key and progress on
the module's, so all language versions of a course share them.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from functools import reduce
from operator import or_
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from pages.cache import cached

from .models import (
    CoursePage,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ModuleCompletionRule,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    ReflectionEntry,
    WorkshopGroup,
)

# No 0/O, 1/I/L: codes are read aloud in workshops and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
# Gaps longer than this between two signs of activity are not counted as time on task.
MAX_ACTIVITY_GAP = timedelta(minutes=30)
REFLECTION_MAX_LENGTH = 10_000


class NotEnrolled(PermissionDenied):
    """The user has no current enrolment in the module's course."""


# --- Enrolment -------------------------------------------------------------------


def get_active_enrollment(user, course: CoursePage) -> Enrollment | None:
    """The user's current (active or completed) enrolment in any language version."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Enrollment.objects.current()
        .filter(user=user, course_key=course.translation_key)
        .first()
    )


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
            return enrollment
        changed = []
        if enrollment.status == EnrollmentStatus.WITHDRAWN:
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


# --- Pages -----------------------------------------------------------------------


def course_of(page: Page) -> CoursePage:
    """The course a module or quiz page belongs to (or the course itself)."""
    if isinstance(page, CoursePage):
        return page
    if page.specific_class is CoursePage:
        return page.specific
    # A page's course changes only when pages move, which bumps the content
    # version: one lookup per page object and request, and few at all.
    known = getattr(page, "_course_of", None)
    if known is not None:
        return known
    course = cached(
        f"course-of:{page.pk}",
        lambda: CoursePage.objects.ancestor_of(page).first(),
    )
    if course is None:
        raise CoursePage.DoesNotExist(f"Page {page.pk} is not inside a course.")
    page._course_of = course
    return course


# --- Progress --------------------------------------------------------------------


def _require_enrollment(user, course: CoursePage, *, lock: bool = False) -> Enrollment:
    queryset = Enrollment.objects.current().filter(
        user=user, course_key=course.translation_key
    )
    if lock:
        queryset = queryset.select_for_update()
    enrollment = queryset.first() if user.is_authenticated else None
    if enrollment is None:
        raise NotEnrolled(_("You are not enrolled in this course."))
    return enrollment


def _locked_progress(enrollment: Enrollment, module: ModulePage) -> ModuleProgress:
    progress, _created = ModuleProgress.objects.select_for_update().get_or_create(
        enrollment=enrollment,
        module_key=module.translation_key,
        defaults={"module": module},
    )
    progress.enrollment = enrollment  # spares callers a query for it
    return progress


def _touch(progress: ModuleProgress, module: ModulePage, now) -> None:
    """Mark started and add the time since the last activity, if it was recent."""
    if progress.status == ModuleStatus.NOT_STARTED:
        progress.status = ModuleStatus.IN_PROGRESS
    if progress.started_at is None:
        progress.started_at = now
    if progress.last_seen_at is not None:
        gap = now - progress.last_seen_at
        if timedelta(0) < gap <= MAX_ACTIVITY_GAP:
            progress.seconds_on_task += int(gap.total_seconds())
    progress.last_seen_at = now
    progress.module = module


def _start_enrollment(enrollment: Enrollment, now) -> None:
    if enrollment.started_at is None:
        enrollment.started_at = now
        enrollment.save(update_fields=["started_at"])


def _touched_without_lock(
    enrollment: Enrollment, module: ModulePage, now
) -> ModuleProgress | None:
    """A repeat visit recorded in one guarded UPDATE, or None if that cannot be.

    The UPDATE only applies if `last_seen_at` is still what was read, so a
    concurrent visit or completion (which moves it) sends this visit down the
    locked path instead of losing its time on task.
    """
    progress = ModuleProgress.objects.filter(
        enrollment=enrollment, module_key=module.translation_key
    ).first()
    if (
        progress is None
        or progress.status == ModuleStatus.NOT_STARTED
        or progress.last_seen_at is None
        or progress.started_at is None
    ):
        return None
    seen = progress.last_seen_at
    _touch(progress, module, now)
    updated = ModuleProgress.objects.filter(pk=progress.pk, last_seen_at=seen).update(
        last_seen_at=progress.last_seen_at,
        seconds_on_task=progress.seconds_on_task,
        module=module,
    )
    return progress if updated else None


def record_module_viewed(
    user, module: ModulePage, enrollment: Enrollment | None = None
) -> ModuleProgress:
    """A learner opened a module: it counts as started (completing needs more).

    With the learner's `enrollment` at hand, a repeat visit costs two queries
    instead of a locking transaction: lesson pages are the most visited pages.
    """
    course = course_of(module)
    now = timezone.now()
    if enrollment is not None and enrollment.started_at is not None:
        progress = _touched_without_lock(enrollment, module, now)
        if progress is not None:
            return progress
    with transaction.atomic():
        enrollment = _require_enrollment(user, course, lock=True)
        _start_enrollment(enrollment, now)
        progress = _locked_progress(enrollment, module)
        _touch(progress, module, now)
        progress.save()
    return progress


def _update_course_completion(
    enrollment: Enrollment, course: CoursePage, now
) -> Enrollment:
    """Complete the enrolment once every required live module is complete."""
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return enrollment
    required = set(
        course.get_modules()
        .filter(is_required=True)
        .values_list("translation_key", flat=True)
    )
    completed = set(
        enrollment.module_progress.filter(status=ModuleStatus.COMPLETED).values_list(
            "module_key", flat=True
        )
    )
    if required <= completed:
        enrollment.status = EnrollmentStatus.COMPLETED
        enrollment.completed_at = now
        enrollment.save(update_fields=["status", "completed_at"])
        # Same transaction: the certificate exists exactly when the completion does.
        from certificates.services import issue_for_completion

        issue_for_completion(enrollment)
    return enrollment


def complete_module(user, module: ModulePage) -> ModuleProgress:
    """Complete a module (idempotent) and, with it, possibly the course."""
    course = course_of(module)
    now = timezone.now()
    with transaction.atomic():
        enrollment = _require_enrollment(user, course, lock=True)
        _start_enrollment(enrollment, now)
        progress = _locked_progress(enrollment, module)
        _touch(progress, module, now)
        newly_completed = progress.status != ModuleStatus.COMPLETED
        if newly_completed:
            progress.status = ModuleStatus.COMPLETED
            progress.completed_at = now
        progress.save()
        if newly_completed:
            from content_packages.xapi import record_module_completed

            record_module_completed(user, module, enrollment)
        status = enrollment.status
        _update_course_completion(enrollment, course, now)
        if newly_completed and enrollment.status == status:
            # A completed course saved the enrolment, which refreshed its facts.
            from reports.facts import refresh_participation

            refresh_participation([enrollment.pk])
    return progress


def record_quiz_result(
    user, module: ModulePage, *, passed: bool, score_percent
) -> ModuleProgress:
    """Called by the quizzes app after grading; passing completes a quiz module."""
    if passed and module.completion_rule == ModuleCompletionRule.QUIZ_PASSED:
        progress = complete_module(user, module)
    else:
        course = course_of(module)
        now = timezone.now()
        with transaction.atomic():
            enrollment = _require_enrollment(user, course, lock=True)
            _start_enrollment(enrollment, now)
            progress = _locked_progress(enrollment, module)
            _touch(progress, module, now)
            progress.save()
    from content_packages.xapi import record_quiz_graded

    record_quiz_graded(
        user,
        module,
        progress.enrollment,
        passed=passed,
        score_percent=score_percent,
    )
    if score_percent is not None:
        score = Decimal(str(score_percent)).quantize(Decimal("0.01"))
        # A single UPDATE keeps the best score even with concurrent submissions.
        improved = (
            ModuleProgress.objects.filter(pk=progress.pk)
            .filter(
                Q(best_quiz_score_percent__isnull=True)
                | Q(best_quiz_score_percent__lt=score)
            )
            .update(best_quiz_score_percent=score)
        )
        if improved:
            progress.best_quiz_score_percent = score
        else:
            progress.refresh_from_db(fields=["best_quiz_score_percent"])
    return progress


def save_reflection(user, module: ModulePage, block_id: str, text: str):
    """Store a learner's private reflection; blank text deletes it."""
    text = (text or "").strip()
    if len(text) > REFLECTION_MAX_LENGTH:
        raise ValidationError(
            _("Please keep your note under %(limit)d characters.")
            % {"limit": REFLECTION_MAX_LENGTH},
            code="too_long",
        )
    if block_id not in {
        block.id for block in module.body if block.block_type == "reflection"
    }:
        raise ValidationError(_("This reflection does not exist."), code="no_block")
    _require_enrollment(user, course_of(module))
    lookup = {"user": user, "module_key": module.translation_key, "block_id": block_id}
    if not text:
        ReflectionEntry.objects.filter(**lookup).delete()
        return None
    entry, _created = ReflectionEntry.objects.update_or_create(
        **lookup, defaults={"text": text}
    )
    return entry


def reflections_for(user, module: ModulePage) -> dict[str, str]:
    """The user's own reflections in a module, by block id."""
    if not user.is_authenticated:
        return {}
    return dict(
        ReflectionEntry.objects.filter(
            user=user, module_key=module.translation_key
        ).values_list("block_id", "text")
    )


# --- Reading progress -------------------------------------------------------------


@dataclass
class ModuleState:
    module: ModulePage
    status: str = ModuleStatus.NOT_STARTED
    completed_at: object = None

    @property
    def is_completed(self) -> bool:
        return self.status == ModuleStatus.COMPLETED

    def get_status_display(self) -> str:
        return ModuleStatus(self.status).label


@dataclass
class CourseProgress:
    """What a learner has done in a course, in the language of `course`."""

    course: CoursePage
    enrollment: Enrollment | None
    modules: list[ModuleState] = field(default_factory=list)

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None and self.enrollment.is_current

    @property
    def is_completed(self) -> bool:
        return (
            self.enrollment is not None
            and self.enrollment.status == EnrollmentStatus.COMPLETED
        )

    @property
    def counted(self) -> list[ModuleState]:
        required = [state for state in self.modules if state.module.is_required]
        return required or self.modules

    @property
    def completed_count(self) -> int:
        return sum(1 for state in self.counted if state.is_completed)

    @property
    def total_count(self) -> int:
        return len(self.counted)

    @property
    def percent(self) -> int:
        if self.is_completed:
            return 100
        if not self.total_count:
            return 0
        return int(100 * self.completed_count / self.total_count)

    @property
    def next_module(self) -> ModulePage | None:
        """Where to resume: the first module not yet completed."""
        for state in self.modules:
            if not state.is_completed:
                return state.module
        return None

    @property
    def has_started(self) -> bool:
        return any(state.status != ModuleStatus.NOT_STARTED for state in self.modules)

    def state_of(self, module: Page) -> ModuleState | None:
        for state in self.modules:
            if state.module.translation_key == module.translation_key:
                return state
        return None

    def neighbours(self, module: Page) -> tuple[ModulePage | None, ModulePage | None]:
        """The previous and next module around `module`."""
        keys = [state.module.translation_key for state in self.modules]
        try:
            index = keys.index(module.translation_key)
        except ValueError:
            return None, None
        previous = self.modules[index - 1].module if index > 0 else None
        following = (
            self.modules[index + 1].module if index + 1 < len(self.modules) else None
        )
        return previous, following


def _progress_by_key(enrollments: list[Enrollment]) -> dict[int, dict[UUID, object]]:
    rows: dict[int, dict[UUID, object]] = {e.pk: {} for e in enrollments}
    for row in ModuleProgress.objects.filter(enrollment__in=enrollments).only(
        "enrollment_id", "module_key", "status", "completed_at"
    ):
        rows[row.enrollment_id][row.module_key] = row
    return rows


def _states(modules, progress: dict[UUID, object]) -> list[ModuleState]:
    states = []
    for module in modules:
        row = progress.get(module.translation_key)
        states.append(
            ModuleState(
                module=module,
                status=row.status if row else ModuleStatus.NOT_STARTED,
                completed_at=row.completed_at if row else None,
            )
        )
    return states


def progress_for(
    user, course: CoursePage, enrollment: Enrollment | None = None
) -> CourseProgress:
    """A learner's progress per module, in three queries whatever the course size.

    `enrollment`, if the caller already holds the learner's current one, saves one.
    """
    modules = list(course.get_modules())
    if enrollment is None:
        enrollment = get_active_enrollment(user, course)
    progress = _progress_by_key([enrollment])[enrollment.pk] if enrollment else {}
    return CourseProgress(
        course=course, enrollment=enrollment, modules=_states(modules, progress)
    )


def learning_overview(user) -> list[CourseProgress]:
    """Every current enrolment with its progress, in the active language if available.

    A constant number of queries whatever the number of courses and modules.
    """
    enrollments = list(
        Enrollment.objects.current()
        .filter(user=user)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    if not enrollments:
        return []
    locale = Locale.get_active()
    translated = {
        page.translation_key: page
        for page in CoursePage.objects.filter(
            translation_key__in=[e.course_key for e in enrollments], locale=locale
        ).live()
    }
    courses = {e.pk: translated.get(e.course_key, e.course) for e in enrollments}
    paths = reduce(
        or_,
        [Q(path__startswith=c.path, depth=c.depth + 1) for c in courses.values()],
    )
    modules_by_parent: dict[str, list[ModulePage]] = {}
    for module in (
        ModulePage.objects.live().filter(paths).order_by("path").defer_streamfields()
    ):
        parent_path = module.path[: -ModulePage.steplen]
        modules_by_parent.setdefault(parent_path, []).append(module)
    progress = _progress_by_key(enrollments)
    return [
        CourseProgress(
            course=courses[e.pk],
            enrollment=e,
            modules=_states(
                modules_by_parent.get(courses[e.pk].path, []), progress[e.pk]
            ),
        )
        for e in enrollments
    ]
