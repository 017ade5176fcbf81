"""The ESF+ report: participant, result and entity indicators.

The complete-core-data rule: a participant counts in the ESF+ indicators only
with complete core data, i.e. an answer other than "no answer" to all four
entry questions (gender, age, employment status, highest level of education;
Regulation (EU) 2021/1057, Annex I, the common participant indicators). People
without them are shown in one line of their own and counted nowhere else.
The result indicators (Annex I, point 1.2: within four weeks of leaving) come
from the exit questionnaire of the same participants' completed enrolments.
Every count goes through the report's small-cell suppression (`count_cell`).
"""

from __future__ import annotations

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ..models import (
    NO_ANSWER,
    AgeBand,
    EmploymentStatus,
    Gender,
    IscedBand,
    ParticipantExitIndicators,
    YesNo,
)
from .base import Table, count_cell, report_enrollments

CORE_FIELDS = ("gender", "age_band", "employment_status", "isced_band")


def complete_core_data() -> Q:
    """People (User rows) whose entry answers are all given."""
    condition = Q(esf_indicators__isnull=False)
    for field_name in CORE_FIELDS:
        condition &= ~Q(**{f"esf_indicators__{field_name}": NO_ANSWER})
    return condition


def _participants_table(people, counted) -> Table:
    total = people.count()
    complete = counted.count()
    return Table(
        "esf_core",
        str(_("Participants and complete core data")),
        [str(_("Category")), str(_("Participants"))],
        [
            [str(_("Participants with complete core data")), count_cell(complete)],
            [
                str(_("Without complete core data (not counted)")),
                count_cell(total - complete),
            ],
            [str(_("Total")), count_cell(total)],
        ],
    )


def _category_tables(counted) -> list[Table]:
    tables = []
    total = count_cell(counted.count())
    for key, title, field_name, choices in (
        ("esf_gender", _("Gender"), "gender", Gender),
        ("esf_age", _("Age"), "age_band", AgeBand),
        (
            "esf_employment",
            _("Employment status"),
            "employment_status",
            EmploymentStatus,
        ),
        ("esf_isced", _("Highest level of education"), "isced_band", IscedBand),
    ):
        counts = dict(
            counted.values_list(f"esf_indicators__{field_name}")
            .annotate(n=Count("pk"))
            .values_list(f"esf_indicators__{field_name}", "n")
        )
        rows = [
            [str(label), count_cell(counts.get(value, 0))]
            for value, label in choices.choices
            if value != NO_ANSWER
        ]
        tables.append(
            Table(
                key,
                str(title),
                [str(_("Category")), str(_("Participants"))],
                rows + [[str(_("Total")), total]],
            )
        )
    return tables


RESULTS = (
    ("job_searching", _("Job-searching on leaving")),
    ("in_education", _("In education or training on leaving")),
    ("qualification_gained", _("Gaining a qualification on leaving")),
    ("employed", _("In employment, including self-employment, on leaving")),
)


def _results_table(enrollments, counted) -> Table:
    """People per immediate result (any of their completed funded enrolments)."""
    exits = ParticipantExitIndicators.objects.filter(
        enrollment__in=enrollments,
        enrollment__user__in=counted,
        answered_at__isnull=False,
    )
    rows = [
        [
            str(label),
            count_cell(
                exits.filter(**{field_name: YesNo.YES})
                .values("enrollment__user")
                .distinct()
                .count()
            ),
        ]
        for field_name, label in RESULTS
    ]
    answered = exits.values("enrollment__user").distinct().count()
    rows.append(
        [str(_("Participants who answered the exit questions")), count_cell(answered)]
    )
    return Table(
        "esf_results",
        str(_("Immediate results (within four weeks of leaving)")),
        [str(_("Indicator")), str(_("Participants"))],
        rows,
    )


def _entity_tables(people) -> list[Table]:
    from accounts.models import Organisation

    organisations = Organisation.objects.filter(pk__in=people.values("organisation"))
    total_orgs = count_cell(organisations.count())
    tables = []
    for key, title, field_name in (
        ("esf_sme", _("Small and medium-sized enterprises"), "is_sme"),
        ("esf_public", _("Public administrations"), "is_public_administration"),
    ):
        counts = dict(
            organisations.annotate(
                answer=Coalesce(F(f"esf_indicators__{field_name}"), Value(NO_ANSWER))
            )
            .values("answer")
            .annotate(n=Count("pk"))
            .values_list("answer", "n")
        )
        tables.append(
            Table(
                key,
                str(title),
                [str(_("Category")), str(_("Supported entities"))],
                [
                    [str(label), count_cell(counts.get(value, 0))]
                    for value, label in YesNo.choices
                ]
                + [[str(_("Total")), total_orgs]],
            )
        )
    return tables


def esf_report(user, filters: dict | None) -> list[Table]:
    """Participants (complete core data only), results and entities, suppressed."""
    from accounts.models import User

    enrollments = report_enrollments(user, filters)
    people = User.objects.filter(pk__in=enrollments.values("user"))
    counted = people.filter(complete_core_data())
    return [
        _participants_table(people, counted),
        *_category_tables(counted),
        _results_table(enrollments, counted),
        *_entity_tables(people),
    ]
