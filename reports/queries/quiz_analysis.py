"""Quiz item analysis: facility, discrimination and chosen options per question."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import (
    Avg,
    Count,
    Min,
    Q,
    QuerySet,
)
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, ModulePage
from quizzes import question_types
from quizzes.models import Attempt, AttemptAnswer, AttemptStatus, QuizPage

from .. import scoping
from .base import (
    DISCRIMINATION_SHARE,
    Cell,
    Table,
    count_cell,
    min_cell_size,
    report_enrollments,
)

# --- Quiz item analysis --------------------------------------------------------------


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


def grouped_quizzes(user) -> list[tuple[str, list[tuple[int, str]]]]:
    """The quiz picker's choices: (course, [(quiz id, "quiz – module")]) per course.

    A quiz's title alone ("Final quiz") says nothing; its course and module do.
    Three queries, whatever the number of quizzes.
    """
    quizzes = list(visible_quizzes(user).values_list("pk", "title", "path"))
    ancestors = {
        path[:end] for _pk, _t, path in quizzes for end in range(4, len(path), 4)
    }
    courses = {
        path: f"{title} ({language.upper()})"
        for path, title, language in CoursePage.objects.filter(
            path__in=ancestors
        ).values_list("path", "title", "locale__language_code")
    }
    modules = dict(
        ModulePage.objects.filter(path__in=ancestors).values_list("path", "title")
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    order: list[str] = []
    for pk, title, path in quizzes:
        course_path = next(
            (path[:end] for end in range(4, len(path), 4) if path[:end] in courses), ""
        )
        label = courses[course_path] if course_path else str(_("Without course"))
        module = modules.get(path[:-4])
        if label not in groups:
            groups[label] = []
            order.append(label)
        groups[label].append((pk, f"{title} – {module}" if module else title))
    return [(label, groups[label]) for label in order]


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
    """question id -> (type, prompt text, [(option key, label)]) from the quiz.

    Only types with options (``QuestionType.option_labels``) list any; their
    choices are counted.
    """
    result = {}
    for number, child in enumerate(quiz.questions, start=1):
        value = child.value
        prompt = strip_tags(str(value.get("prompt") or value.get("statement") or ""))
        options = question_types.get(child.block_type).option_labels(value)
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
        choice_ids = [qid for qid, entry in labels.items() if entry[2]]
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
                    ],
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
