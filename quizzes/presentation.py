"""Turn an attempt's snapshot into what templates may show.

Before submission only prompts, option texts and tokens leave this module: no
correctness flags, feedback, accepted answers, block ids or solution order.
"""

from __future__ import annotations

from typing import Any

from . import question_types
from .grading import question_points
from .models import Attempt, AttemptAnswer, ReviewMode
from .question_types.base import field_name


def parse_form(presented: list[dict], post) -> dict[str, Any]:
    """Read the attempt form (or its autosave POST) into token-keyed data.

    Field names are ``q_<question>`` or ``q_<question>_<left or item>``; unknown
    question tokens are passed on so the service can reject them by name.
    """
    kinds = {entry["token"]: question_types.find(entry["type"]) for entry in presented}
    data: dict[str, Any] = {}
    for key in post:
        if not key.startswith("q_"):
            continue
        question_token, _sep, sub = key[2:].partition("_")
        values = post.getlist(key)
        kind = kinds.get(question_token)
        if (kind and kind.parts) or (sub and question_token in kinds):
            # A sub-field on a question without any becomes a dict the service
            # rejects, rather than being read as a plain answer.
            if not sub:
                data[question_token] = values
                continue
            part = data.setdefault(question_token, {})
            if isinstance(part, dict):
                part[sub] = values[0] if len(values) == 1 else values
        elif kind and kind.multiple:
            data[question_token] = values
        else:
            data[question_token] = values[0] if len(values) == 1 else values
    return data


def errors_by_question(error) -> tuple[dict[int, list[str]], list[str]]:
    """Split a service error into messages per question number and general ones."""
    per_question: dict[int, list[str]] = {}
    general: list[str] = []
    for item in error.error_list:
        number = (item.params or {}).get("number")
        for message in item.messages:
            if number:
                per_question.setdefault(number, []).append(message)
            else:
                general.append(message)
    return per_question, general


def answer_gaps(presented: list[dict], data: dict) -> list[dict]:
    """Questions left unanswered or partly answered in ``data``, in attempt order.

    Shown before a submission is final, so nobody loses an attempt to an
    overlooked question. Raises ``InvalidAnswers`` for data that does not fit
    the attempt (the caller shows those errors instead).
    """
    from .services import resolve_responses

    responses = resolve_responses(presented, data, strict=False)
    gaps = []
    for number, entry in enumerate(presented, start=1):
        response = responses.get(entry["question_id"])
        if isinstance(response, str):
            response = response.strip()
        if response in (None, "", [], {}):
            gaps.append({"number": number, "partial": False})
            continue
        parts = question_types.get(entry["type"]).parts
        if parts and len(response) < len(entry[parts]):
            gaps.append({"number": number, "partial": True})
    return gaps


def form_questions(
    attempt: Attempt, data: dict | None = None, errors: dict | None = None
) -> list[dict]:
    """The attempt's questions as form fields, prefilled from ``data`` (a draft)."""
    data = data or {}
    errors = errors or {}
    questions = []
    for number, entry in enumerate(attempt.presented, start=1):
        qdata = entry["data"]
        token = entry["token"]
        value = data.get(token)
        kind = entry["type"]
        question: dict[str, Any] = {
            "number": number,
            "type": kind,
            "token": token,
            "name": field_name(token),
            "prompt": qdata.get("prompt") or "",
            "statement": qdata.get("statement") or "",
            "points": question_points(qdata),
            "errors": errors.get(number, []),
            # ngettext wants an integer; 1.5 points read as plural.
            "points_plural": 1 if question_points(qdata) == 1 else 2,
        }
        question_type = question_types.get(kind)
        question["template"] = question_type.template
        question.update(question_type.form_fields(entry, value))
        question["first_input_id"] = question_type.first_input_id(question)
        questions.append(question)
    return questions


def response_texts(kind: str, qdata: dict, response: Any) -> list[str]:
    """The learner's own answer as readable lines; says nothing about correctness."""
    if response in (None, [], {}):
        return []
    return question_types.get(kind).response_texts(qdata, response)


def _status(answer: AttemptAnswer) -> str:
    if answer.is_correct:
        return "correct"
    return "partial" if answer.points_awarded > 0 else "wrong"


def reviewed_answers(attempt: Attempt, answers: list[AttemptAnswer]) -> list[dict]:
    """Each answered question with exactly what the quiz's review mode reveals.

    Always the learner's own answer (as text: raw responses would show which
    matching pairs belong together); with "which were wrong" also the outcome and
    points per question; with "correct answers" also the solution and feedback.
    The result page and the learner's data export both read this.
    """
    mode = attempt.quiz.review_mode
    shows_outcome = mode in (ReviewMode.SHOW_WRONG, ReviewMode.SHOW_CORRECT)
    by_question = {answer.question_id: answer for answer in answers}
    reviewed = []
    for number, entry in enumerate(attempt.presented, start=1):
        answer = by_question.get(entry["question_id"])
        if answer is None:
            continue
        kind = entry["type"]
        qdata = entry["data"]
        item: dict[str, Any] = {
            "number": number,
            "question_id": entry["question_id"],
            "type": kind,
            "prompt": qdata.get("prompt") or "",
            "statement": qdata.get("statement") or "",
            "your_answer": response_texts(kind, qdata, answer.response),
        }
        if shows_outcome:
            item.update(
                status=_status(answer),
                points_awarded=answer.points_awarded,
                max_points=answer.max_points,
                points_plural=1 if answer.max_points == 1 else 2,
            )
        if mode == ReviewMode.SHOW_CORRECT:
            item["correct_answer"] = question_types.get(kind).correct_texts(qdata)
            item["feedback"] = answer.feedback
        reviewed.append(item)
    return reviewed


def review_questions(attempt: Attempt, answers: list[AttemptAnswer]) -> list[dict]:
    """The result page's per-question review; none at all for "score only"."""
    if attempt.quiz.review_mode == ReviewMode.SCORE_ONLY:
        return []
    return reviewed_answers(attempt, answers)
