"""Read side of the reports: aggregated queries over the scoped enrolments.

Every figure is computed by the database (aggregate / annotate / values); Python
only handles the few result rows (months, categories, questions).

Split by report: ``base`` (cells, tables, filtering), ``participation``
(dashboard, people, ESF+) and ``quiz_analysis``; everything is importable from
here.
"""

from .base import (
    COUNT_NAMES,
    DISCRIMINATION_SHARE,
    ENROLLMENT_FILTER_PATHS,
    FACT_FILTER_PATHS,
    Cell,
    Median,
    Table,
    apply_filters,
    certificate_exists,
    count_cell,
    derived_cell,
    median_days_to_complete,
    min_cell_size,
    narrowing_message,
    passed_quiz_exists,
    report_enrollments,
    report_facts,
)
from .esf import esf_report
from .participation import (
    BREAKDOWN_COLUMNS,
    PERSON_COLUMNS,
    Dashboard,
    course_titles,
    format_person_row,
    iter_person_rows,
    may_view_people,
    participation_dashboard,
    people_enrollments,
    person_rows_queryset,
)
from .quiz_analysis import (
    QuizAnalysis,
    grouped_quizzes,
    quiz_course,
    quiz_item_analysis,
    quiz_tables,
    scoped_attempts,
    visible_quizzes,
)

__all__ = [
    "BREAKDOWN_COLUMNS",
    "COUNT_NAMES",
    "Cell",
    "DISCRIMINATION_SHARE",
    "Dashboard",
    "ENROLLMENT_FILTER_PATHS",
    "FACT_FILTER_PATHS",
    "Median",
    "PERSON_COLUMNS",
    "QuizAnalysis",
    "Table",
    "apply_filters",
    "certificate_exists",
    "count_cell",
    "course_titles",
    "derived_cell",
    "esf_report",
    "format_person_row",
    "iter_person_rows",
    "may_view_people",
    "median_days_to_complete",
    "min_cell_size",
    "narrowing_message",
    "participation_dashboard",
    "passed_quiz_exists",
    "people_enrollments",
    "person_rows_queryset",
    "grouped_quizzes",
    "quiz_course",
    "quiz_item_analysis",
    "quiz_tables",
    "report_enrollments",
    "report_facts",
    "scoped_attempts",
    "visible_quizzes",
]
