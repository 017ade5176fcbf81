"""Enrolment and progress: the only place where these records change.

Views, the Wagtail admin, the quizzes app and management commands call these
functions. Enrolments are keyed on the course's translation key and progress on
the module's, so all language versions of a course share them.
"""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Page

from pages.cache import cached

from . import completion, pipeline

# Enrolment lives in courses.enrolment; callers know it as services.*.
from .enrolment import (  # noqa: F401
    CODE_ALPHABET,
    CODE_LENGTH,
    enrol,
    enrol_organisation,
    enrol_users,
    enrol_with_code,
    generate_enrolment_code,
    normalise_code,
    unenrol,
)
from .models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
    ReflectionEntry,
)

# Reading progress lives in courses.progress; callers know it as services.*.
from .progress import (  # noqa: F401
    CourseProgress,
    ModuleState,
    get_active_enrollment,
    learning_overview,
    progress_for,
)

MAX_ACTIVITY_GAP = completion.MAX_ACTIVITY_GAP
REFLECTION_MAX_LENGTH = 10_000


class NotEnrolled(PermissionDenied):
    """The user has no current enrolment in the module's course."""


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
    enrollment.user = user  # the pipeline's steps need it: no query for it
    return enrollment


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
        progress = pipeline.locked_progress(enrollment, module)
        _touch(progress, module, now)
        progress.save()
    return progress


class CompletionRefused(ValidationError):
    """“Done” was refused: other conditions, or the minimum time, are not met."""


def _refusal(verdict: completion.Verdict) -> CompletionRefused:
    activities = "; ".join(state.label for state in verdict.missing_activities)
    if not verdict.confirms_by_done:
        return CompletionRefused(
            _("This module is completed by its activities, not by “Done”: %(list)s.")
            % {"list": activities},
            code="not_manual",
        )
    if activities:
        return CompletionRefused(
            _("Before “Done”, please complete: %(list)s.") % {"list": activities},
            code="conditions_unmet",
        )
    minutes = math.ceil(verdict.wait_seconds / 60)
    return CompletionRefused(
        ngettext(
            "You can confirm this module after %(minutes)d more minute in it.",
            "You can confirm this module after %(minutes)d more minutes in it.",
            minutes,
        )
        % {"minutes": minutes},
        code="minimum_time",
    )


def complete_module(user, module: ModulePage) -> ModuleProgress:
    """The learner's “Done” at the end of a module: confirms reading it to the end.

    Accepted only when nothing but this confirmation is missing and the minimum
    time, as recorded on the server, has passed (CompletionRefused otherwise,
    changing nothing); a completed module stays completed, so repeating is safe.
    """
    course = course_of(module)
    now = timezone.now()
    with transaction.atomic(), pipeline.collecting_changes():
        enrollment = _require_enrollment(user, course, lock=True)
        _start_enrollment(enrollment, now)
        progress = pipeline.locked_progress(enrollment, module)
        _touch(progress, module, now)
        if progress.status != ModuleStatus.COMPLETED:
            verdict = completion.evaluate(
                completion.module_conditions(enrollment, module, progress=progress)
            )
            if not (verdict.complete or verdict.can_confirm):
                raise _refusal(verdict)
            progress.viewed_to_end_at = progress.viewed_to_end_at or now
        progress.save()
        pipeline.settle(enrollment, module, progress, course=course, now=now)
    return progress


def record_changed(user, module: ModulePage) -> ModuleProgress:
    """A record of the learner's in this module was stored by another app (a
    package result, later a session attended): complete what it now allows.

    Counts as activity in the module, so it adds to the time on task.
    """
    course = course_of(module)
    now = timezone.now()
    with transaction.atomic(), pipeline.collecting_changes():
        enrollment = _require_enrollment(user, course, lock=True)
        _start_enrollment(enrollment, now)
        progress = pipeline.locked_progress(enrollment, module)
        _touch(progress, module, now)
        progress.save()
        pipeline.settle(enrollment, module, progress, course=course, now=now)
    return progress


def record_quiz_result(
    user, module: ModulePage, *, passed: bool, score_percent
) -> ModuleProgress:
    """Called by the quizzes app after grading, in the transaction that stored the
    attempt: keeps the best score and completes what the conditions now allow.

    A repeat visit of a started module takes no row lock: one guarded UPDATE of
    exactly the fields that change (the best score only if higher), and a module
    already completed is not settled again. Otherwise the locked path.
    """
    course = course_of(module)
    now = timezone.now()
    score = None
    if score_percent is not None:
        score = Decimal(str(score_percent)).quantize(Decimal("0.01"))
    with transaction.atomic(savepoint=False), pipeline.collecting_changes():
        progress = _quiz_result_without_lock(user, course, module, score, now)
        if progress is not None:
            enrollment = progress.enrollment
        else:
            enrollment = _require_enrollment(user, course, lock=True)
            _start_enrollment(enrollment, now)
            progress = pipeline.locked_progress(enrollment, module)
            _touch(progress, module, now)
            best = progress.best_quiz_score_percent
            # The row is locked: concurrent submissions cannot lower the best.
            if score is not None and (best is None or best < score):
                progress.best_quiz_score_percent = score
            progress.save()
        pipeline.quiz_graded(enrollment, module, passed=passed, score=score_percent)
        if progress.status != ModuleStatus.COMPLETED:
            pipeline.settle(enrollment, module, progress, course=course, now=now)
    return progress


def _quiz_result_without_lock(
    user, course: CoursePage, module: ModulePage, score, now
) -> ModuleProgress | None:
    """The guarded UPDATEs of a started module, or None to take the locked path.

    The progress row and its current enrolment in one query.
    """
    if not user.is_authenticated:
        return None
    progress = (
        ModuleProgress.objects.select_related("enrollment")
        .filter(
            enrollment__user=user,
            enrollment__course_key=course.translation_key,
            module_key=module.translation_key,
        )
        .exclude(enrollment__status=EnrollmentStatus.WITHDRAWN)
        .first()
    )
    if progress is None:
        return None
    enrollment = progress.enrollment
    enrollment.user = user  # the pipeline's steps need it: no query for it
    if (
        enrollment.started_at is None
        or progress.status == ModuleStatus.NOT_STARTED
        or progress.last_seen_at is None
        or progress.started_at is None
    ):
        return None
    seen, module_id = progress.last_seen_at, progress.module_id
    _touch(progress, module, now)
    changes = {"last_seen_at": now, "seconds_on_task": progress.seconds_on_task}
    if module_id != module.pk:
        changes["module"] = module  # the language version last used
    rows = ModuleProgress.objects.filter(pk=progress.pk, last_seen_at=seen)
    best = progress.best_quiz_score_percent
    if score is not None and (best is None or best < score):
        # Higher than what was read, and than what a concurrent submit stored.
        raised = rows.filter(
            Q(best_quiz_score_percent__isnull=True)
            | Q(best_quiz_score_percent__lt=score)
        ).update(**changes, best_quiz_score_percent=score)
        if raised:
            progress.best_quiz_score_percent = score
            progress.enrollment = enrollment
            return progress
    if not rows.update(**changes):
        return None  # a concurrent visit moved it: the locked path decides
    progress.enrollment = enrollment
    return progress


def module_completion(
    module: ModulePage, progress: CourseProgress
) -> tuple[list[completion.ConditionState], completion.Verdict]:
    """The module's conditions for its page, from the cached plan; reads only.

    Met but not recorded (a request lost on the way, or changed conditions): the
    page shows it complete and its visit post asks to settle (`record_visit`).
    """
    state = progress.state_of(module)
    conditions = completion.module_conditions(
        progress.enrollment,
        module,
        progress=state.row if state else None,
        planned=completion.cached_plan([module], f"module:{module.pk}"),
    )
    return conditions, completion.evaluate(conditions)


def record_visit(
    user, module: ModulePage, enrollment: Enrollment, *, settle: bool = False
) -> ModuleProgress:
    """The lesson page's post: the learner is (still) reading the module.

    Starts the module, adds the time since the last post on the server's clock,
    and with `settle` completes what the stored records already allow.
    """
    if settle:
        return record_changed(user, module)
    return record_module_viewed(user, module, enrollment)


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
    course = course_of(module)
    lookup = {"user": user, "module_key": module.translation_key, "block_id": block_id}
    now = timezone.now()
    with transaction.atomic(), pipeline.collecting_changes():
        enrollment = _require_enrollment(user, course, lock=True)
        if not text:
            # A completion it helped to is kept, as every recorded completion.
            ReflectionEntry.objects.filter(**lookup).delete()
            return None
        entry, _created = ReflectionEntry.objects.update_or_create(
            **lookup, defaults={"text": text}
        )
        _start_enrollment(enrollment, now)
        progress = pipeline.locked_progress(enrollment, module)
        _touch(progress, module, now)
        progress.save()
        pipeline.settle(enrollment, module, progress, course=course, now=now)
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
