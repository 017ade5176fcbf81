"""The participation dashboard and the per-person list (ESF+: queries/esf.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import (
    Count,
    F,
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationType
from accounts.roles import Role, has_role
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
)

from ..disclosure import relation_if_exact, suppress
from .base import (
    COUNT_NAMES,
    Cell,
    Table,
    annotated_counts,
    certificate_exists,
    derived_cell,
    median_days_to_complete,
    min_cell_size,
    passed_quiz_exists,
    report_enrollments,
    report_facts,
)

# --- Participation dashboard ---------------------------------------------------------


@dataclass
class Dashboard:
    totals: dict[str, Cell]
    median_days: Cell
    completion_rate: Cell
    tables: dict[str, Table]


def _breakdown_row(label, row: dict, shown) -> list:
    """One breakdown line; ``shown(name)`` gives the (maybe hidden) count cell."""
    enrolled = shown("enrolled")
    completed = shown("completed")
    rate = (
        round(100 * row["completed"] / row["enrolled"], 1) if row["enrolled"] else None
    )
    return [
        label,
        enrolled,
        shown("started"),
        completed,
        shown("passed"),
        derived_cell(rate, enrolled, completed),
    ]


def _protected_cells(raw: dict, by_kind: dict, by_key: dict, enrolled_m, completed_m):
    """Every count of the dashboard with primary and secondary suppression.

    The totals are shared by the summary and by each breakdown, so a cell hidden
    for one table is hidden in all of them (see reports.disclosure).
    """
    values: dict = {("total", n): raw[n] for n in COUNT_NAMES}
    relations = []
    for prefix, groups in (("kind", by_kind), ("course", by_key)):
        for name in COUNT_NAMES:
            parts = [(prefix, group, name) for group in groups]
            for group, row in groups.items():
                values[(prefix, group, name)] = row[name]
            relations.append(relation_if_exact(values, parts, ("total", name)))
    for column, months, total in (
        ("m_enrolled", enrolled_m, "enrolled"),
        ("m_completed", completed_m, "completed"),
    ):
        for month, n in months.items():
            values[(column, month)] = n
        relations.append(
            relation_if_exact(values, [(column, m) for m in months], ("total", total))
        )
    threshold = min_cell_size()
    hidden = suppress(values, relations, threshold)

    def cell(name) -> Cell:
        return Cell(values.get(name, 0), suppressed=name in hidden, threshold=threshold)

    return cell


BREAKDOWN_COLUMNS = [
    _("Enrolled"),
    _("Started"),
    _("Completed"),
    _("Passed"),
    _("Completion rate (%)"),
]


def course_titles(keys) -> dict[str, str]:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    titles: dict[str, str] = {}
    for key, title, code in CoursePage.objects.filter(
        translation_key__in=list(keys)
    ).values_list("translation_key", "title", "locale__language_code"):
        if key not in titles or code == language:
            titles[key] = title
    return titles


def _add(target: dict, key, row: dict) -> None:
    into = target.setdefault(key, dict.fromkeys(COUNT_NAMES, 0))
    for name in COUNT_NAMES:
        into[name] += row[name]


def participation_dashboard(user, filters: dict | None) -> Dashboard:
    """Every dashboard figure, in a constant number of aggregated queries.

    They read the participation facts (reports.facts keeps them current), a
    narrow table with no joins. The database groups them by (organisation type,
    course) and by (enrolment month, completion month); Python only adds up
    those few dozen group rows into totals, breakdowns and the trend.
    """
    facts = report_facts(user, filters)
    groups = list(
        facts.values(kind=F("organisation_type"), key=F("course_key"))
        .annotate(**annotated_counts())
        .order_by()
    )
    raw = dict.fromkeys(COUNT_NAMES, 0)
    by_kind: dict = {}
    by_key: dict = {}
    for row in groups:
        for name in COUNT_NAMES:
            raw[name] += row[name]
        _add(by_kind, row["kind"], row)
        _add(by_key, row["key"], row)
    enrolled_m, completed_m = _monthly(facts)
    cell = _protected_cells(raw, by_kind, by_key, enrolled_m, completed_m)
    totals = {name: cell(("total", name)) for name in COUNT_NAMES}
    rate = (
        round(100 * raw["completed"] / raw["enrolled"], 1) if raw["enrolled"] else None
    )
    completion_rate = derived_cell(rate, totals["enrolled"], totals["completed"])
    median = median_days_to_complete(facts) if raw["completed"] else None
    median_cell = (
        Cell(None, suppressed=True, threshold=min_cell_size())
        if totals["completed"].suppressed
        else Cell(median, threshold=min_cell_size())
    )

    months = sorted(set(enrolled_m) | set(completed_m))
    trend = Table(
        "trend",
        str(_("Enrolments and completions by month")),
        [str(_("Month")), str(_("Enrolled")), str(_("Completed"))],
        [[m, cell(("m_enrolled", m)), cell(("m_completed", m))] for m in months],
    )

    type_labels = dict(OrganisationType.choices)
    by_type = Table(
        "by_organisation_type",
        str(_("By organisation type")),
        [str(_("Organisation type"))] + [str(c) for c in BREAKDOWN_COLUMNS],
        [
            _breakdown_row(
                str(type_labels.get(kind, _("No organisation"))),
                row,
                lambda name, kind=kind: cell(("kind", kind, name)),
            )
            for kind, row in sorted(
                by_kind.items(), key=lambda item: (item[0] is None, item[0] or "")
            )
        ],
    )
    titles = course_titles(by_key)
    by_course = Table(
        "by_course",
        str(_("By course")),
        [str(_("Course"))] + [str(c) for c in BREAKDOWN_COLUMNS],
        sorted(
            (
                _breakdown_row(
                    titles.get(key, "?"),
                    row,
                    lambda name, key=key: cell(("course", key, name)),
                )
                for key, row in by_key.items()
            ),
            key=lambda row: row[0].casefold(),
        ),
    )
    summary = Table(
        "summary",
        str(_("Summary")),
        [str(_("Figure")), str(_("Value"))],
        [
            [str(_("Enrolled")), totals["enrolled"]],
            [str(_("Started")), totals["started"]],
            [str(_("Completed")), totals["completed"]],
            [str(_("Passed a quiz")), totals["passed"]],
            [str(_("Certificates issued")), totals["certificates"]],
            [str(_("Completion rate (%)")), completion_rate],
            [str(_("Median days to complete")), median_cell],
        ],
    )
    return Dashboard(
        totals=totals,
        median_days=median_cell,
        completion_rate=completion_rate,
        tables={t.key: t for t in (summary, trend, by_type, by_course)},
    )


def _monthly(facts) -> tuple[dict[str, int], dict[str, int]]:
    """Enrolments and completions per month, from one grouped query."""
    enrolled_m: dict[str, int] = {}
    completed_m: dict[str, int] = {}
    for enrolled_month, completed_month, n in (
        facts.values("enrolled_month", "completed_month")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("enrolled_month", "completed_month", "n")
    ):
        month = _month(enrolled_month)
        enrolled_m[month] = enrolled_m.get(month, 0) + n
        if completed_month is not None:
            month = _month(completed_month)
            completed_m[month] = completed_m.get(month, 0) + n
    return enrolled_m, completed_m


def _month(value) -> str:
    if value is None:
        return "?"
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%Y-%m}"


# --- Per-person list -----------------------------------------------------------------

PERSON_COLUMNS = [
    _("Last name"),
    _("First name"),
    _("Email"),
    _("Organisation"),
    _("Network"),
    _("Course"),
    _("Workshop group"),
    _("Status"),
    _("Enrolled"),
    _("Started"),
    _("Completed"),
    _("Passed a quiz"),
    _("Certificate"),
]


def person_rows_queryset(enrollments: QuerySet[Enrollment]) -> QuerySet:
    return (
        enrollments.annotate(
            has_passed=passed_quiz_exists(), has_certificate=certificate_exists()
        )
        .order_by("user__last_name", "user__first_name", "pk")
        .values_list(
            "user__last_name",
            "user__first_name",
            "user__email",
            "user__organisation__name",
            "user__organisation__network__name",
            "course__title",
            "group__name",
            "status",
            "enrolled_at",
            "started_at",
            "completed_at",
            "has_passed",
            "has_certificate",
        )
    )


def format_person_row(row: tuple) -> list[str]:
    statuses = dict(EnrollmentStatus.choices)
    yes, no = str(_("yes")), str(_("no"))
    values = list(row)
    values[7] = str(statuses.get(values[7], values[7]))
    for index in (8, 9, 10):
        values[index] = (
            timezone.localtime(values[index]).strftime("%Y-%m-%d")
            if values[index]
            else ""
        )
    values[11] = yes if values[11] else no
    values[12] = yes if values[12] else no
    return ["" if v is None else str(v) for v in values]


def iter_person_rows(enrollments: QuerySet[Enrollment]) -> Iterator[list[str]]:
    """Stream the rows in chunks, so a large export never sits in memory whole."""
    for row in person_rows_queryset(enrollments).iterator(chunk_size=2000):
        yield format_person_row(row)


def may_view_people(user) -> bool:
    """Personal lists: explicit permission, or a trainer (for their own groups)."""
    return user.has_perm("reports.view_personal_data") or has_role(user, Role.TRAINER)


def people_enrollments(user, filters: dict | None) -> QuerySet[Enrollment] | None:
    """The enrolments whose people this user may list; None means "not allowed".

    With the explicit permission: the whole scope. A trainer without it: only a
    workshop group of their own, chosen in the filter.
    """
    if filters is None:
        return None
    enrollments = report_enrollments(user, filters)
    if user.has_perm("reports.view_personal_data"):
        return enrollments
    group = filters.get("group")
    own_group = group is not None and group.trainer_id == user.pk
    if own_group and has_role(user, Role.TRAINER):
        return enrollments.filter(group=group)
    return None
