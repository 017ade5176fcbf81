"""Activity completion: what a module asks of a learner, and whether they did it.

A module is complete when every condition that applies to it is met, as in
Moodle's and ILIAS's activity completion. Completion is derived from the
learner's stored records, never kept only as a flag, so `courses.pipeline` can
recompute it at any time. Each condition type reads the records of the app that
owns them and is registered here, in the order learners meet them on the page:

    package     content_packages.completion  H5P statements, SCORM attempts
    reflection  courses (below)              the learner's private notes
    quiz        quizzes.completion           submitted attempts
    viewed      courses (below)              “Done” and the recorded time on task

A later type (a live session attended) is one more `ConditionType` registered by
its app, plus the field on `ModulePage` where trainers switch it on.

Planning (which requirements a module has) is the same for every learner and may
be cached; checking reads one learner's records, in a few queries per type
whatever the number of modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from pages.cache import cached

from .models import Enrollment, ModulePage, ModuleProgress, ReflectionEntry

# --- What a module asks, and what a learner met ---------------------------------------


@dataclass(frozen=True)
class Requirement:
    """One condition of one module, the same for every learner (so cacheable).

    `required` is False for activities listed without counting (a quiz that is
    not a condition): the outline shows them, completion ignores them.
    """

    kind: str
    key: str
    label: str
    required: bool = True
    url: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ConditionState:
    """A requirement as one learner stands with it."""

    requirement: Requirement
    met: bool
    detail: str = ""
    manual: bool = False  # met by the learner's own confirmation (“Done”)
    wait_seconds: int = 0  # manual: time still to spend before confirming

    @property
    def kind(self) -> str:
        return self.requirement.kind

    @property
    def label(self) -> str:
        return self.requirement.label

    @property
    def url(self) -> str:
        return self.requirement.url

    @property
    def required(self) -> bool:
        return self.requirement.required


@dataclass(frozen=True)
class Verdict:
    """What the conditions allow: complete, “Done” now, or what is missing."""

    complete: bool
    can_confirm: bool
    wait_seconds: int
    missing: tuple[ConditionState, ...]

    @property
    def missing_activities(self) -> tuple[ConditionState, ...]:
        """Missing conditions that “Done” cannot meet."""
        return tuple(state for state in self.missing if not state.manual)

    @property
    def confirms_by_done(self) -> bool:
        return any(state.manual for state in self.missing)

    @property
    def wait_minutes(self) -> int:
        return -(-self.wait_seconds // 60)


def evaluate(states: Iterable[ConditionState]) -> Verdict:
    """Complete when every required condition is met; “Done” only when nothing
    but the manual confirmation is missing and its minimum time has passed."""
    missing = tuple(s for s in states if s.required and not s.met)
    only_manual = bool(missing) and all(s.manual for s in missing)
    wait = max((s.wait_seconds for s in missing), default=0) if only_manual else 0
    return Verdict(
        complete=not missing,
        can_confirm=only_manual and wait == 0,
        wait_seconds=wait,
        missing=missing,
    )


# --- Condition types and their registry -----------------------------------------------


@dataclass
class Learner:
    """Whose records are checked: the enrolment (None in a staff preview) and its
    progress rows by module identity (as far as loaded)."""

    enrollment: Enrollment | None
    progress: dict[UUID, ModuleProgress] = field(default_factory=dict)

    @property
    def user(self):
        return self.enrollment.user if self.enrollment else None

    @property
    def user_id(self) -> int | None:
        return self.enrollment.user_id if self.enrollment else None


class Modules:
    """The modules being planned; their lesson bodies are loaded at most once."""

    def __init__(self, modules: Sequence[ModulePage]):
        self.pages = list(modules)
        self._raw: dict[int, list] | None = None

    def __iter__(self):
        return iter(self.pages)

    def blocks(self, module: ModulePage, block_type: str) -> list[dict]:
        """The raw StreamField items of `block_type` in the module's body."""
        if self._raw is None:
            deferred = [m.pk for m in self.pages if "body" in m.get_deferred_fields()]
            loaded = dict(
                ModulePage.objects.filter(pk__in=deferred).values_list("pk", "body")
            )
            self._raw = {}
            for page in self.pages:
                # page.body would load a deferred body by itself: a query each.
                body = loaded[page.pk] if page.pk in loaded else page.body  # noqa: SIM401
                self._raw[page.pk] = list(body.raw_data)
        return [b for b in self._raw[module.pk] if b.get("type") == block_type]


class ConditionType:
    """A kind of condition: which modules ask for it, and who has met it."""

    code = ""

    def requirements(self, modules: Modules) -> dict[UUID, list[Requirement]]:
        """Requirements by module identity (only for modules that have some)."""
        raise NotImplementedError

    def check(
        self, learner: Learner, wanted: dict[UUID, list[Requirement]]
    ) -> dict[tuple[UUID, str], ConditionState]:
        """The learner's state for each wanted (module identity, requirement key)."""
        raise NotImplementedError


_TYPES: list[tuple[int, ConditionType]] = []


def register_condition(condition_type: ConditionType, *, order: int) -> ConditionType:
    """Add a condition type; `order` places it on the page and in the outline."""
    if any(t.code == condition_type.code for _o, t in _TYPES):
        raise ValueError(f"Condition type {condition_type.code!r} is registered.")
    _TYPES.append((order, condition_type))
    _TYPES.sort(key=lambda item: item[0])
    return condition_type


def condition_types() -> list[ConditionType]:
    """The registered types in their order (see the module docstring)."""
    return [condition_type for _order, condition_type in _TYPES]


# --- Planning and checking ------------------------------------------------------------


def plan(modules: Sequence[ModulePage]) -> dict[UUID, list[Requirement]]:
    """Each module's requirements in order; where no condition applies (say, only
    “reflections written” is ticked and the module has none), “viewed to the end”."""
    pages = Modules(modules)
    planned: dict[UUID, list[Requirement]] = {m.translation_key: [] for m in pages}
    for condition_type in condition_types():
        for key, requirements in condition_type.requirements(pages).items():
            planned[key].extend(requirements)
    for module in pages:
        requirements = planned[module.translation_key]
        if not any(r.required for r in requirements):
            requirements.append(VIEWED.requirement(module))
    return planned


def cached_plan(modules: Sequence[ModulePage], name: str) -> dict:
    """`plan` for display, cached per content version and language.

    Completion decisions (courses.pipeline) use `decision_plan`.
    """
    return cached(f"completion-plan:{name}:{get_language()}", lambda: plan(modules))


def decision_plan(module: ModulePage) -> dict:
    """`plan` of one module for deciding its completion, cached per published
    revision of the module and content version (a quiz or package published or
    changed below it bumps that): planning costs queries (the quiz's URL)
    that a quiz submission should not repeat on every attempt.
    """
    revision = module.live_revision_id
    if revision is None:
        return plan([module])
    key = f"completion-decision:{module.pk}:r{revision}:{get_language()}"
    return cached(key, lambda: plan([module]))


def check(
    learner: Learner | None, planned: dict[UUID, list[Requirement]]
) -> dict[UUID, list[ConditionState]]:
    """Each module's condition states for `learner`, in the planned order."""
    if learner is None or learner.enrollment is None:
        return {
            key: [ConditionState(r, met=False) for r in requirements]
            for key, requirements in planned.items()
        }
    found: dict[tuple[UUID, str], ConditionState] = {}
    for condition_type in condition_types():
        wanted = {
            key: [r for r in requirements if r.kind == condition_type.code]
            for key, requirements in planned.items()
        }
        wanted = {
            key: requirements for key, requirements in wanted.items() if requirements
        }
        if wanted:
            found.update(condition_type.check(learner, wanted))
    return {
        key: [
            found.get((key, r.key)) or ConditionState(r, met=False)
            for r in requirements
        ]
        for key, requirements in planned.items()
    }


def module_conditions(
    enrollment: Enrollment | None,
    module: ModulePage,
    *,
    progress: ModuleProgress | None = None,
    planned: dict[UUID, list[Requirement]] | None = None,
) -> list[ConditionState]:
    """The one function completion is derived from: the module's conditions as
    the enrolled learner stands with them, read from the stored records."""
    planned = planned if planned is not None else plan([module])
    if progress is None and enrollment is not None:
        progress = ModuleProgress.objects.filter(
            enrollment=enrollment, module_key=module.translation_key
        ).first()
    rows = {module.translation_key: progress} if progress is not None else {}
    learner = Learner(enrollment, rows) if enrollment is not None else None
    return check(learner, planned)[module.translation_key]


# --- The conditions courses owns: viewed to the end, reflections ----------------------


# Gaps longer than this between two signs of activity are not counted as time on task.
MAX_ACTIVITY_GAP = timedelta(minutes=30)


def _minutes(seconds: int) -> int:
    return seconds // 60


def time_on_task(progress: ModuleProgress | None, now=None) -> int:
    """Seconds recorded, plus the recent gap since the last recorded activity.

    Both on the server's clock: the page's visit post starts the gap, and “Done”
    (which records it before deciding) or a reload finds it still open.
    """
    if progress is None:
        return 0
    spent = progress.seconds_on_task
    if progress.last_seen_at is not None:
        gap = (now or timezone.now()) - progress.last_seen_at
        if timedelta(0) < gap <= MAX_ACTIVITY_GAP:
            spent += int(gap.total_seconds())
    return spent


class ViewedToTheEnd(ConditionType):
    """“Done” at the end of the module, after the minimum time on the server's clock."""

    code = "viewed"

    def requirement(self, module: ModulePage) -> Requirement:
        minutes = module.completion_minimum_minutes
        if minutes:
            label = ngettext(
                "Spend at least %(minutes)d minute in the module, then confirm "
                "with “Done”",
                "Spend at least %(minutes)d minutes in the module, then confirm "
                "with “Done”",
                minutes,
            ) % {"minutes": minutes}
        else:
            label = _("Read the module to the end and confirm with “Done”")
        return Requirement(
            kind=self.code,
            key="viewed",
            label=label,
            url="#module-end-heading",
            params={"seconds": minutes * 60},
        )

    def requirements(self, modules: Modules) -> dict[UUID, list[Requirement]]:
        return {
            m.translation_key: [self.requirement(m)]
            for m in modules
            if m.completion_viewed
        }

    def check(self, learner, wanted):
        states = {}
        for key, requirements in wanted.items():
            progress = learner.progress.get(key)
            spent = time_on_task(progress)
            confirmed = progress is not None and progress.viewed_to_end_at is not None
            for requirement in requirements:
                needed = requirement.params.get("seconds", 0)
                detail = ""
                if needed and not confirmed:
                    detail = _("%(spent)d of %(needed)d minutes so far") % {
                        "spent": _minutes(min(spent, needed)),
                        "needed": _minutes(needed),
                    }
                states[(key, requirement.key)] = ConditionState(
                    requirement,
                    met=confirmed,
                    detail=detail,
                    manual=True,
                    wait_seconds=max(0, needed - spent),
                )
        return states


class ReflectionsWritten(ConditionType):
    """A note for every reflection prompt of the module (its text stays private)."""

    code = "reflection"

    def requirements(self, modules: Modules) -> dict[UUID, list[Requirement]]:
        planned = {}
        for module in modules:
            if not module.completion_reflection:
                continue
            ids = [b["id"] for b in modules.blocks(module, "reflection") if b.get("id")]
            if not ids:
                continue
            label = ngettext(
                "Write your note on the reflection question",
                "Write your notes on the %(count)d reflection questions",
                len(ids),
            ) % {"count": len(ids)}
            planned[module.translation_key] = [
                Requirement(
                    kind=self.code,
                    key="reflections",
                    label=label,
                    url=f"#block-{ids[0]}",
                    params={"block_ids": ids},
                )
            ]
        return planned

    def check(self, learner, wanted):
        written = set(
            ReflectionEntry.objects.filter(
                user_id=learner.user_id, module_key__in=list(wanted)
            ).values_list("module_key", "block_id")
        )
        states = {}
        for key, requirements in wanted.items():
            for requirement in requirements:
                ids = requirement.params["block_ids"]
                done = sum(1 for block_id in ids if (key, block_id) in written)
                detail = ""
                if len(ids) > 1:
                    detail = _("%(done)d of %(total)d written") % {
                        "done": done,
                        "total": len(ids),
                    }
                states[(key, requirement.key)] = ConditionState(
                    requirement, met=done == len(ids), detail=detail
                )
        return states


VIEWED = register_condition(ViewedToTheEnd(), order=900)
REFLECTIONS = register_condition(ReflectionsWritten(), order=200)
