"""Shared by every report: suppressed cells, tables, scoped filtering, counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    Exists,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import (
    Enrollment,
    ModuleProgress,
    ModuleStatus,
)

from .. import scoping
from ..disclosure import too_narrow
from ..models import (
    ParticipationFact,
)

DISCRIMINATION_SHARE = 0.27


def min_cell_size() -> int:
    return int(getattr(settings, "REPORTS_MIN_CELL_SIZE", 5))


@dataclass(frozen=True)
class Cell:
    """A count as shown: small non-zero counts are hidden so no one is singled out."""

    value: int | float | None
    suppressed: bool = False
    threshold: int = 5

    def __str__(self) -> str:
        if self.suppressed:
            return f"< {self.threshold}"
        if self.value is None:
            return "–"
        return str(self.value)

    @property
    def number(self) -> int | float | None:
        """The value where it may be shown (charts), else None."""
        return None if self.suppressed else self.value


def count_cell(value: int | None) -> Cell:
    threshold = min_cell_size()
    value = value or 0
    return Cell(value, suppressed=0 < value < threshold, threshold=threshold)


def derived_cell(value, *inputs: Cell) -> Cell:
    """A figure computed from counts is hidden whenever one of them is."""
    threshold = min_cell_size()
    if any(cell.suppressed for cell in inputs):
        return Cell(None, suppressed=True, threshold=threshold)
    return Cell(value, threshold=threshold)


@dataclass
class Table:
    """One report table: what the page shows and what every export writes."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


# --- Filtering -----------------------------------------------------------------------


ENROLLMENT_FILTER_PATHS = {
    "network": "user__organisation__network",
    "region": "user__organisation__region",
    "organisation_type": "user__organisation__organisation_type",
    "organisation": "user__organisation",
    "course": "course_key",
    "group": "group",
    "language": "course__locale__language_code",
}
FACT_FILTER_PATHS = {
    "network": "network",
    "region": "region",
    "organisation_type": "organisation_type",
    "organisation": "organisation",
    "course": "course_key",
    "group": "group",
    "language": "language",
}


def apply_filters(
    queryset: QuerySet, filters: dict, paths: dict[str, str] = ENROLLMENT_FILTER_PATHS
) -> QuerySet:
    """Narrow enrolments (or facts, with FACT_FILTER_PATHS) by the cleaned filters."""
    for name, path in paths.items():
        if filters.get(name):
            queryset = queryset.filter(**{path: filters[name]})
    tz = timezone.get_current_timezone()
    if filters.get("date_from"):
        start = datetime.combine(filters["date_from"], time.min, tzinfo=tz)
        queryset = queryset.filter(enrolled_at__gte=start)
    if filters.get("date_to"):
        end = datetime.combine(filters["date_to"], time.min, tzinfo=tz)
        queryset = queryset.filter(enrolled_at__lt=end + timedelta(days=1))
    return queryset


def report_enrollments(user, filters: dict | None) -> QuerySet[Enrollment]:
    """Scoped first, then filtered: the start of every report and export."""
    if filters is None:  # invalid filters show nothing
        return Enrollment.objects.none()
    return apply_filters(scoping.scoped_enrollments(user), filters)


def report_facts(user, filters: dict | None) -> QuerySet[ParticipationFact]:
    """The dashboard's start: the same scope and filters on the summary table."""
    if filters is None:
        return ParticipationFact.objects.none()
    return apply_filters(scoping.scoped_facts(user), filters, FACT_FILTER_PATHS)


def passed_quiz_exists():
    return Exists(
        ModuleProgress.objects.filter(
            enrollment=OuterRef("pk"),
            status=ModuleStatus.COMPLETED,
            module__completion_quiz_passed=True,
        )
    )


def certificate_exists():
    return Exists(Certificate.objects.current().filter(enrollment=OuterRef("pk")))


COUNT_NAMES = ("enrolled", "started", "completed", "passed", "certificates")


def annotated_counts() -> dict:
    """Counts over participation facts (one row per enrolment)."""
    return {
        "enrolled": Count("pk"),
        "started": Count("pk", filter=Q(started=True)),
        "completed": Count("pk", filter=Q(completed=True)),
        "passed": Count("pk", filter=Q(passed=True)),
        "certificates": Count("pk", filter=Q(certified=True)),
    }


# --- Median time to complete ---------------------------------------------------------


class Median(Aggregate):
    """PostgreSQL's exact median (percentile_cont); other databases use a fallback."""

    function = "PERCENTILE_CONT"
    name = "median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def median_days_to_complete(facts: QuerySet[ParticipationFact]) -> float | None:
    """Median days from start (or enrolment) to completion."""
    done = facts.filter(completed=True, days_to_complete__isnull=False)
    if connection.vendor == "postgresql":
        value = done.aggregate(median=Median("days_to_complete"))["median"]
        return None if value is None else round(value, 1)
    # Fallback: the database sorts; we read only the one or two middle values.
    ordered = done.order_by("days_to_complete")
    total = ordered.count()
    if not total:
        return None
    middle = list(
        ordered.values_list("days_to_complete", flat=True)[
            (total - 1) // 2 : total // 2 + 1
        ]
    )
    return round(sum(middle) / len(middle), 1)


# --- Filters that would single people out ---------------------------------------------

NARROWING_FILTERS = (*FACT_FILTER_PATHS, "date_from", "date_to")


def narrowing_message(user, filters: dict | None) -> str | None:
    """Why these filters show no figures, or None when they may.

    A filtered view is withheld when it covers 1 to threshold-1 enrolments, or
    when leaving out any one of its filters adds only 1 to threshold-1: else two
    overlapping views (with and without that filter) could be subtracted to give
    a suppressed count back.
    """
    if not filters:
        return None
    active = [name for name in NARROWING_FILTERS if filters.get(name)]
    if not active:
        return None
    threshold = min_cell_size()
    population = report_facts(user, filters).count()
    narrow = too_narrow(population, threshold) or any(
        too_narrow(
            report_facts(user, {**filters, name: None}).count() - population, threshold
        )
        for name in active
    )
    if not narrow:
        return None
    return _(
        "These filters narrow the figures down to fewer than %(n)s people (or "
        "differ from a wider view by fewer than %(n)s), so no figures are shown. "
        "Please widen the filters."
    ) % {"n": threshold}
