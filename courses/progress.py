"""Reading a learner's progress: per module, per course, and across courses.

Nothing here writes. With `conditions=True` each module also carries its
completion conditions as the learner stands with them (courses.completion), for
the course outline; the learner-independent part of that is cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from uuid import UUID

from django.db.models import Q
from wagtail.models import Locale, Page

from . import completion
from .models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
)

PROGRESS_FIELDS = (
    "enrollment_id",
    "module_key",
    "status",
    "completed_at",
    "seconds_on_task",
    "last_seen_at",
    "viewed_to_end_at",
)


@dataclass
class ModuleState:
    module: ModulePage
    status: str = ModuleStatus.NOT_STARTED
    completed_at: object = None
    row: ModuleProgress | None = None
    conditions: list[completion.ConditionState] = field(default_factory=list)

    @property
    def is_completed(self) -> bool:
        return self.status == ModuleStatus.COMPLETED

    def get_status_display(self) -> str:
        return ModuleStatus(self.status).label

    @property
    def required_conditions(self) -> list[completion.ConditionState]:
        return [state for state in self.conditions if state.required]

    @property
    def optional_activities(self) -> list[completion.ConditionState]:
        return [state for state in self.conditions if not state.required]


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


def _progress_by_key(
    enrollments: list[Enrollment],
) -> dict[int, dict[UUID, ModuleProgress]]:
    rows: dict[int, dict[UUID, ModuleProgress]] = {e.pk: {} for e in enrollments}
    for row in ModuleProgress.objects.filter(enrollment__in=enrollments).only(
        *PROGRESS_FIELDS
    ):
        rows[row.enrollment_id][row.module_key] = row
    return rows


def _states(modules, progress: dict[UUID, ModuleProgress]) -> list[ModuleState]:
    states = []
    for module in modules:
        row = progress.get(module.translation_key)
        states.append(
            ModuleState(
                module=module,
                status=row.status if row else ModuleStatus.NOT_STARTED,
                completed_at=row.completed_at if row else None,
                row=row,
            )
        )
    return states


def progress_for(
    user,
    course: CoursePage,
    enrollment: Enrollment | None = None,
    *,
    conditions: bool = False,
) -> CourseProgress:
    """A learner's progress per module, in three queries whatever the course size
    (plus a few per condition type in use with `conditions`).

    `enrollment`, if the caller already holds the learner's current one, saves one.
    """
    modules = list(course.get_modules())
    if enrollment is None:
        enrollment = get_active_enrollment(user, course)
    progress = _progress_by_key([enrollment])[enrollment.pk] if enrollment else {}
    result = CourseProgress(
        course=course, enrollment=enrollment, modules=_states(modules, progress)
    )
    if conditions and modules:
        planned = completion.cached_plan(modules, f"course:{course.pk}")
        learner = completion.Learner(enrollment, progress) if enrollment else None
        checked = completion.check(learner, planned)
        for state in result.modules:
            state.conditions = checked[state.module.translation_key]
    return result


def get_active_enrollment(user, course: CoursePage) -> Enrollment | None:
    """The user's current (active or completed) enrolment in any language version."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Enrollment.objects.current()
        .filter(user=user, course_key=course.translation_key)
        .first()
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


@dataclass
class MemberProgress:
    """One member of a workshop group: each module with its conditions."""

    enrollment: Enrollment
    modules: list[ModuleState]

    @property
    def name(self) -> str:
        user = self.enrollment.user
        return user.get_full_name().strip() or user.email


@dataclass
class GroupProgress:
    modules: list[ModulePage]
    members: list[MemberProgress]


def group_progress(group) -> GroupProgress:
    """Where each current member of a workshop group stands, condition by
    condition (whether a reflection exists, never its text), for its trainer.

    A few queries per member and condition type in use.
    """
    course = group.course
    modules = list(course.get_modules())
    enrollments = list(
        group.enrollments.current()
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    planned = completion.cached_plan(modules, f"course:{course.pk}")
    progress = _progress_by_key(enrollments)
    members = []
    for enrollment in enrollments:
        rows = progress[enrollment.pk]
        states = _states(modules, rows)
        checked = completion.check(completion.Learner(enrollment, rows), planned)
        for state in states:
            state.conditions = checked[state.module.translation_key]
        members.append(MemberProgress(enrollment=enrollment, modules=states))
    return GroupProgress(modules=modules, members=members)
