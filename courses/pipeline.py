"""The completion pipeline: the one place where learners' records become completions.

The services store what a learner did (courses.services: a visit, “Done”, a
note, a graded quiz; content_packages: a package result) and call `settle`
inside their transaction. `settle` derives the module's completion from the
stored records (`courses.completion.module_conditions`), then the course's, and
runs the steps the owning apps registered for each event, in this order:

    quiz_graded         content_packages: the xAPI statement of the graded quiz
    module_completed    content_packages: the xAPI statement of the completion
    course_completed    certificates: issue the certificate
    course_completed    reports: ESF+ exit questionnaire (row, reminder)
   course_completed    reports: ESF+ exit questionnaire (row, reminder)
    enrolments_changed  reports: refresh the participation facts, once per change

`describe()` lists what is registered (`manage.py completion_pipeline` prints
it). Steps run inside the caller's transaction (those registered `after_commit`
once it has committed), so a completion exists exactly
when its consequences do; what leaves the database (tasks, LRS forwarding,
emails) is queued by the step's app with `transaction.on_commit`.

Lower apps never import higher ones for this: they register with this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import partial

from django.db import transaction
from django.utils import timezone

from . import completion
from .models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleStatus,
)


class Event(StrEnum):
    """What happened, in the order the pipeline can raise it for one change."""

    QUIZ_GRADED = "quiz_graded"
    MODULE_COMPLETED = "module_completed"
    COURSE_COMPLETED = "course_completed"
    ENROLMENTS_CHANGED = "enrolments_changed"


@dataclass(frozen=True)
class QuizGraded:
    enrollment: Enrollment
    module: ModulePage
    passed: bool
    score_percent: Decimal | float | None


@dataclass(frozen=True)
class ModuleCompleted:
    enrollment: Enrollment
    module: ModulePage
    progress: ModuleProgress


@dataclass(frozen=True)
class CourseCompleted:
    enrollment: Enrollment
    course: CoursePage


@dataclass(frozen=True)
class EnrolmentsChanged:
    """Enrolments whose records changed (any of the above, or enrolling itself)."""

    enrollment_ids: frozenset[int]


@dataclass(frozen=True)
class Step:
    event: Event
    name: str
    order: int
    run: Callable
    after_commit: bool = False  # runs once the caller's transaction committed


_STEPS: list[Step] = []
EVENT_ORDER = list(Event)


def register_step(event: Event, name: str, *, order: int, after_commit=False):
    """Decorator: run the function with the event's payload whenever it happens.

    Steps of one event run by `order` (then name); names are unique. With
    `after_commit` the step runs once the caller's transaction has committed
    (a record of what happened, such as an xAPI statement, that need not hold
    the learner's transaction open); nothing runs if it rolls back.
    """

    def register(function: Callable) -> Callable:
        if any(step.name == name for step in _STEPS):
            raise ValueError(f"A completion step named {name!r} is registered.")
        _STEPS.append(
            Step(
                event=event,
                name=name,
                order=order,
                run=function,
                after_commit=after_commit,
            )
        )
        return function

    return register


def steps(event: Event | None = None) -> list[Step]:
    """The registered steps in the order they run (all events, or one)."""
    chosen = [s for s in _STEPS if event is None or s.event == event]
    return sorted(chosen, key=lambda s: (EVENT_ORDER.index(s.event), s.order, s.name))


def describe() -> list[str]:
    """Condition types and steps, one line each, in the order they apply."""
    lines = [
        f"condition {index}: {condition_type.code}"
        for index, condition_type in enumerate(completion.condition_types(), 1)
    ]
    lines += [
        f"{step.event}: {step.order} {step.name}"
        + (" (after commit)" if step.after_commit else "")
        for step in steps()
    ]
    return lines


def _run(event: Event, payload) -> None:
    for step in steps(event):
        if step.after_commit:
            transaction.on_commit(partial(step.run, payload))
        else:
            step.run(payload)


# --- Enrolment changes: collected, and handled once -----------------------------------

_pending: ContextVar[set[int] | None] = ContextVar("completion_pending", default=None)


@contextmanager
def collecting_changes() -> Iterator[None]:
    """Collect the enrolments changed inside this block; their steps run once at its
    end (still inside the caller's transaction: enter it after `atomic()`).

    Nested blocks join the outermost one. Nothing runs if the block fails.
    """
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(set())
    try:
        yield
        changed = _pending.get()
    finally:
        _pending.reset(token)
    if changed:
        _run(Event.ENROLMENTS_CHANGED, EnrolmentsChanged(frozenset(changed)))


def enrolments_changed(enrollment_ids: Iterable[int | None]) -> None:
    """Something the enrolments' steps depend on changed (saved, completed, …)."""
    ids = {pk for pk in enrollment_ids if pk is not None}
    pending = _pending.get()
    if pending is not None:
        pending.update(ids)
    elif ids:
        _run(Event.ENROLMENTS_CHANGED, EnrolmentsChanged(frozenset(ids)))


# --- Settling: records → module completion → course completion ------------------------


def quiz_graded(enrollment: Enrollment, module: ModulePage, *, passed, score) -> None:
    """A quiz was graded on the server (called by courses.services)."""
    _run(Event.QUIZ_GRADED, QuizGraded(enrollment, module, passed, score))


def settle(
    enrollment: Enrollment,
    module: ModulePage,
    progress: ModuleProgress,
    *,
    course: CoursePage,
    now=None,
) -> bool:
    """Complete the module if its conditions are met now, and the course with it.

    The caller holds the enrolment and progress rows locked in its transaction.
    A completion stays once recorded, whatever the conditions say later.
    Returns True if the module became complete.
    """
    if progress.status == ModuleStatus.COMPLETED:
        return False
    states = completion.module_conditions(
        enrollment, module, progress=progress, planned=completion.decision_plan(module)
    )
    if not completion.evaluate(states).complete:
        return False
    now = now or timezone.now()
    if not _complete_module(enrollment, module, progress, now):
        return False
    complete_course_if_due(enrollment, course, now)
    return True


def _complete_module(enrollment, module, progress: ModuleProgress, now) -> bool:
    """Complete the module in one conditional UPDATE: of concurrent requests that
    both found it due, exactly one completes it and runs the steps."""
    started = progress.started_at or now
    completed = (
        ModuleProgress.objects.filter(pk=progress.pk)
        .exclude(status=ModuleStatus.COMPLETED)
        .update(status=ModuleStatus.COMPLETED, completed_at=now, started_at=started)
    )
    if not completed:
        return False
    progress.status = ModuleStatus.COMPLETED
    progress.completed_at = now
    progress.started_at = started
    _run(Event.MODULE_COMPLETED, ModuleCompleted(enrollment, module, progress))
    enrolments_changed([enrollment.pk])
    return True


def complete_course_if_due(enrollment: Enrollment, course: CoursePage, now) -> bool:
    """Complete the enrolment once every required live module is complete
    (a conditional UPDATE: the course completes once, whoever gets there first)."""
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return False
    completed = ModuleProgress.objects.filter(
        enrollment=enrollment, status=ModuleStatus.COMPLETED
    ).values("module_key")
    open_required = (
        course.get_modules()
        .filter(is_required=True)
        .exclude(translation_key__in=completed)
    )
    if open_required.exists():  # one query: some required module is still open
        return False
    updated = Enrollment.objects.filter(
        pk=enrollment.pk, status=EnrollmentStatus.ACTIVE
    ).update(status=EnrollmentStatus.COMPLETED, completed_at=now)
    if not updated:
        return False
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.completed_at = now
    _run(Event.COURSE_COMPLETED, CourseCompleted(enrollment, course))
    enrolments_changed([enrollment.pk])
    return True


# --- Repair: recompute a whole enrolment from its records -----------------------------


@dataclass
class Repaired:
    modules: int = 0
    courses: int = 0

    def __iadd__(self, other: Repaired) -> Repaired:
        self.modules += other.modules
        self.courses += other.courses
        return self


def locked_progress(enrollment: Enrollment, module: ModulePage) -> ModuleProgress:
    progress, _created = ModuleProgress.objects.select_for_update().get_or_create(
        enrollment=enrollment,
        module_key=module.translation_key,
        defaults={"module": module},
    )
    progress.enrollment = enrollment  # spares callers a query for it
    return progress


def repair(enrollment: Enrollment) -> Repaired:
    """Complete whatever the stored records now allow in one active enrolment:
    after a lost request (a result stored, its completion not) or a change of
    conditions. Idempotent; recorded completions are never taken back."""
    result = Repaired()
    now = timezone.now()
    with transaction.atomic(), collecting_changes():
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("course", "user")
            .filter(pk=enrollment.pk, status=EnrollmentStatus.ACTIVE)
            .first()
        )
        if enrollment is None:
            return result
        course = enrollment.course
        modules = list(course.get_modules())
        rows = {
            row.module_key: row
            for row in ModuleProgress.objects.select_for_update().filter(
                enrollment=enrollment
            )
        }
        learner = completion.Learner(enrollment, rows)
        states = completion.check(learner, completion.plan(modules))
        for module in modules:
            row = rows.get(module.translation_key)
            if row is not None and row.status == ModuleStatus.COMPLETED:
                continue
            if not completion.evaluate(states[module.translation_key]).complete:
                continue
            row = row or locked_progress(enrollment, module)
            if _complete_module(enrollment, module, row, now):
                result.modules += 1
        if enrollment.started_at is None and result.modules:
            enrollment.started_at = now
            enrollment.save(update_fields=["started_at"])
        if complete_course_if_due(enrollment, course, now):
            result.courses += 1
    return result
