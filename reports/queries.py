"""Read side of the reports: aggregated queries over the scoped enrolments.

Every figure is computed by the database (aggregate / annotate / values); Python
only handles the few result rows (months, categories, questions).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationType
from accounts.roles import Role, has_role
from certificates.models import Certificate
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ModuleProgress,
    ModuleStatus,
)
from quizzes.models import Attempt, AttemptAnswer, AttemptStatus, QuizPage

from . import scoping
from .models import (
    NO_ANSWER,
    AgeBand,
    EmploymentStatus,
    Gender,
    IscedBand,
    ParticipationFact,
    YesNo,
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


def _counts() -> dict:
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


# --- Participation dashboard ---------------------------------------------------------


@dataclass
class Dashboard:
    totals: dict[str, Cell]
    median_days: Cell
    completion_rate: Cell
    tables: dict[str, Table]


def _breakdown_row(label, row: dict) -> list:
    enrolled = count_cell(row["enrolled"])
    completed = count_cell(row["completed"])
    rate = (
        round(100 * row["completed"] / row["enrolled"], 1) if row["enrolled"] else None
    )
    return [
        label,
        enrolled,
        count_cell(row["started"]),
        completed,
        count_cell(row["passed"]),
        derived_cell(rate, enrolled, completed),
    ]


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
        .annotate(**_counts())
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
    totals = {name: count_cell(raw[name]) for name in COUNT_NAMES}
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
    months = sorted(set(enrolled_m) | set(completed_m))
    trend = Table(
        "trend",
        str(_("Enrolments and completions by month")),
        [str(_("Month")), str(_("Enrolled")), str(_("Completed"))],
        [
            [m, count_cell(enrolled_m.get(m, 0)), count_cell(completed_m.get(m, 0))]
            for m in months
        ],
    )

    type_labels = dict(OrganisationType.choices)
    by_type = Table(
        "by_organisation_type",
        str(_("By organisation type")),
        [str(_("Organisation type"))] + [str(c) for c in BREAKDOWN_COLUMNS],
        [
            _breakdown_row(str(type_labels.get(kind, _("No organisation"))), row)
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
            (_breakdown_row(titles.get(key, "?"), row) for key, row in by_key.items()),
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


# --- ESF+ indicators -----------------------------------------------------------------


def esf_report(user, filters: dict | None) -> list[Table]:
    """Participants and entities per ESF+ category, with small groups hidden."""
    enrollments = report_enrollments(user, filters)
    participants = enrollments.values("user")
    from accounts.models import Organisation, User

    people = User.objects.filter(pk__in=participants)
    tables = []
    total_people = count_cell(people.count())
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
            people.annotate(
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
                [str(_("Category")), str(_("Participants"))],
                [
                    [str(label), count_cell(counts.get(value, 0))]
                    for value, label in choices.choices
                ]
                + [[str(_("Total")), total_people]],
            )
        )
    organisations = Organisation.objects.filter(pk__in=people.values("organisation"))
    total_orgs = count_cell(organisations.count())
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


# --- Quiz item analysis --------------------------------------------------------------

CHOICE_TYPES = ("single_choice", "multiple_choice", "true_false")


def visible_quizzes(user) -> QuerySet[QuizPage]:
    """Quizzes of the courses a user may report on (one entry per language)."""
    quizzes = QuizPage.objects.order_by("path")
    keys = scoping.visible_course_keys(user)
    if keys is None:
        return quizzes
    course_paths = CoursePage.objects.filter(translation_key__in=keys).values_list(
        "path", flat=True
    )
    condition = Q(pk__in=[])
    for path in course_paths:
        condition |= Q(path__startswith=path)
    return quizzes.filter(condition)


def quiz_course(quiz: QuizPage) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(quiz).first()


@dataclass
class QuizAnalysis:
    quiz: QuizPage
    attempts: Cell
    learners: Cell
    average_attempts_to_pass: Cell
    questions: list[dict]
    hidden: bool


def scoped_attempts(user, quiz: QuizPage, filters: dict | None) -> QuerySet[Attempt]:
    """Submitted attempts at any language of the quiz, by learners in scope."""
    course = quiz_course(quiz)
    if course is None:
        return Attempt.objects.none()
    learners = report_enrollments(user, filters).filter(
        course_key=course.translation_key
    )
    return Attempt.objects.filter(
        quiz__translation_key=quiz.translation_key,
        status=AttemptStatus.SUBMITTED,
        score_percent__isnull=False,
        user__in=learners.values("user"),
    )


def _option_labels(quiz: QuizPage) -> dict[str, tuple[str, str, list[tuple]]]:
    """question id -> (type, prompt text, [(option key, label)]) from the quiz."""
    from django.utils.html import strip_tags

    result = {}
    for number, child in enumerate(quiz.questions, start=1):
        value = child.value
        prompt = strip_tags(str(value.get("prompt") or value.get("statement") or ""))
        options: list[tuple] = []
        if child.block_type in ("single_choice", "multiple_choice"):
            for item in value["options"].bound_blocks:
                options.append((item.id, item.value["text"]))
        elif child.block_type == "true_false":
            options = [(True, str(_("True"))), (False, str(_("False")))]
        label = f"{number}. {prompt}".strip()
        result[child.id] = (child.block_type, label, options)
    return result


def quiz_item_analysis(user, quiz: QuizPage, filters: dict | None) -> QuizAnalysis:
    attempts = scoped_attempts(user, quiz, filters)
    total = attempts.count()
    threshold = min_cell_size()
    learners = attempts.values("user").distinct().count()
    first_passes = (
        attempts.values("user", "quiz")
        .annotate(first_pass=Min("number", filter=Q(passed=True)))
        .filter(first_pass__isnull=False)
    )
    average = first_passes.aggregate(avg=Avg("first_pass"))["avg"] if total else None
    hidden = learners < threshold
    questions: list[dict] = []
    if total and not hidden:
        k = max(1, math.floor(DISCRIMINATION_SHARE * total + 0.5))
        ordered = attempts.order_by("-score_percent", "pk").values_list(
            "score_percent", "pk"
        )
        upper_score, upper_pk = ordered[k - 1]
        lower_ordered = attempts.order_by("score_percent", "-pk").values_list(
            "score_percent", "pk"
        )
        lower_score, lower_pk = lower_ordered[k - 1]
        upper = Q(attempt__score_percent__gt=upper_score) | Q(
            attempt__score_percent=upper_score, attempt__pk__lte=upper_pk
        )
        lower = Q(attempt__score_percent__lt=lower_score) | Q(
            attempt__score_percent=lower_score, attempt__pk__gte=lower_pk
        )
        answers = AttemptAnswer.objects.filter(attempt__in=attempts.values("pk"))
        stats = {
            row["question_id"]: row
            for row in answers.values("question_id").annotate(
                n=Count("pk"),
                correct=Count("pk", filter=Q(is_correct=True)),
                upper_n=Count("pk", filter=upper),
                upper_correct=Count("pk", filter=upper & Q(is_correct=True)),
                lower_n=Count("pk", filter=lower),
                lower_correct=Count("pk", filter=lower & Q(is_correct=True)),
            )
        }
        labels = _option_labels(quiz)
        choice_ids = [qid for qid, entry in labels.items() if entry[0] in CHOICE_TYPES]
        choices: dict[str, dict] = {}
        # Grouped by the answer given: one row per distinct choice, not per attempt.
        for row in (
            answers.filter(question_id__in=choice_ids)
            .values("question_id", "response")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            picked = row["response"]
            per_question = choices.setdefault(row["question_id"], {})
            for option in picked if isinstance(picked, list) else [picked]:
                if isinstance(option, str | bool):
                    per_question[option] = per_question.get(option, 0) + row["n"]
        ordered_ids = list(labels) + [q for q in stats if q not in labels]
        for question_id in ordered_ids:
            row = stats.get(question_id)
            kind, label, options = labels.get(question_id, ("", question_id, []))
            if row is None:
                continue
            facility = round(100 * row["correct"] / row["n"], 1)
            if row["upper_n"] and row["lower_n"]:
                discrimination = round(
                    row["upper_correct"] / row["upper_n"]
                    - row["lower_correct"] / row["lower_n"],
                    2,
                )
            else:
                discrimination = None
            counts = choices.get(question_id, {})
            questions.append(
                {
                    "id": question_id,
                    "label": label,
                    "type": kind,
                    "answers": count_cell(row["n"]),
                    "facility": Cell(facility, threshold=threshold),
                    "discrimination": Cell(discrimination, threshold=threshold),
                    "options": [
                        (text, count_cell(counts.get(key, 0))) for key, text in options
                    ]
                    if kind in CHOICE_TYPES
                    else [],
                }
            )
    return QuizAnalysis(
        quiz=quiz,
        attempts=count_cell(total),
        learners=count_cell(learners),
        average_attempts_to_pass=Cell(
            None if average is None else round(average, 2), threshold=threshold
        )
        if not hidden
        else Cell(None, suppressed=True, threshold=threshold),
        questions=questions,
        hidden=hidden,
    )


def quiz_tables(analysis: QuizAnalysis) -> list[Table]:
    items = Table(
        "quiz_items",
        str(_("Quiz item analysis")),
        [
            str(_("Question")),
            str(_("Answers")),
            str(_("Facility (percent correct)")),
            str(_("Discrimination index")),
        ],
        [
            [q["label"], q["answers"], q["facility"], q["discrimination"]]
            for q in analysis.questions
        ],
    )
    options = Table(
        "quiz_options",
        str(_("Option choices")),
        [str(_("Question")), str(_("Option")), str(_("Chosen"))],
        [
            [q["label"], text, cell]
            for q in analysis.questions
            for text, cell in q["options"]
        ],
    )
    return [items, options]
