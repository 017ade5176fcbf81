"""Turn an attempt's snapshot into what templates may show.

Before submission only prompts, option texts and tokens leave this module: no
correctness flags, feedback, accepted answers, block ids or solution order.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .grading import list_items, question_points
from .models import Attempt, AttemptAnswer, ReviewMode


def _texts(data: dict, section: str) -> dict[str, Any]:
    return dict(list_items(data.get(section) or []))


def field_name(question_token: str, sub_token: str | None = None) -> str:
    return f"q_{question_token}_{sub_token}" if sub_token else f"q_{question_token}"


def parse_form(presented: list[dict], post) -> dict[str, Any]:
    """Read the attempt form (or its autosave POST) into token-keyed data.

    Field names are ``q_<question>`` or ``q_<question>_<left or item>``; unknown
    question tokens are passed on so the service can reject them by name.
    """
    kinds = {entry["token"]: entry["type"] for entry in presented}
    data: dict[str, Any] = {}
    for key in post:
        if not key.startswith("q_"):
            continue
        question_token, _sep, sub = key[2:].partition("_")
        values = post.getlist(key)
        kind = kinds.get(question_token)
        if kind in ("matching", "ordering") or (sub and kind):
            # A sub-field on a question without any becomes a dict the service
            # rejects, rather than being read as a plain answer.
            if not sub:
                data[question_token] = values
                continue
            part = data.setdefault(question_token, {})
            if isinstance(part, dict):
                part[sub] = values[0] if len(values) == 1 else values
        elif kind == "multiple_choice":
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
        parts = {"matching": "lefts", "ordering": "items"}.get(entry["type"])
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
        if kind in ("single_choice", "multiple_choice"):
            texts = _texts(qdata, "options")
            chosen = value if isinstance(value, list) else [value]
            question["choices"] = [
                {
                    "token": c["token"],
                    "text": texts[c["id"]]["text"],
                    "checked": c["token"] in chosen,
                }
                for c in entry["choices"]
            ]
        elif kind == "true_false":
            labels = {True: _("True"), False: _("False")}
            question["choices"] = [
                {
                    "token": c["token"],
                    "text": labels[c["value"]],
                    "checked": c["token"] == value,
                }
                for c in entry["choices"]
            ]
        elif kind == "matching":
            texts = _texts(qdata, "pairs")
            chosen = value if isinstance(value, dict) else {}
            question["rights"] = [
                {"token": r["token"], "text": texts[r["id"]]["right"]}
                for r in entry["rights"]
            ]
            question["lefts"] = [
                {
                    "name": field_name(token, left["token"]),
                    "text": texts[left["id"]]["left"],
                    "selected": chosen.get(left["token"]),
                }
                for left in entry["lefts"]
            ]
        elif kind == "ordering":
            texts = _texts(qdata, "items")
            chosen = value if isinstance(value, dict) else {}
            question["positions"] = list(range(1, len(entry["items"]) + 1))
            question["items"] = [
                {
                    "name": field_name(token, item["token"]),
                    "text": texts[item["id"]],
                    "selected": str(chosen.get(item["token"]) or ""),
                }
                for item in entry["items"]
            ]
        elif kind == "fill_in_blank":
            question["text_value"] = value if isinstance(value, str) else ""
        questions.append(question)
    return questions


def response_texts(kind: str, qdata: dict, response: Any) -> list[str]:
    """The learner's own answer as readable lines; says nothing about correctness."""
    if response in (None, [], {}):
        return []
    if kind in ("single_choice", "multiple_choice"):
        texts = _texts(qdata, "options")
        ids = response if isinstance(response, list) else [response]
        return [texts[i]["text"] for i in ids if i in texts]
    if kind == "true_false":
        return [_("True") if response else _("False")]
    if kind == "matching":
        pairs = _texts(qdata, "pairs")
        return [
            f"{pairs[left]['left']} → {pairs[right]['right']}"
            for left, right in response.items()
            if left in pairs and right in pairs
        ]
    if kind == "ordering":
        items = _texts(qdata, "items")
        placed = sorted((pos, items[i]) for i, pos in response.items() if i in items)
        return [f"{pos}. {text}" for pos, text in placed]
    return [str(response)]


def _correct_texts(kind: str, qdata: dict) -> list[str]:
    if kind in ("single_choice", "multiple_choice"):
        return [o["text"] for _i, o in list_items(qdata["options"]) if o["is_correct"]]
    if kind == "true_false":
        return [_("True") if qdata.get("correct") else _("False")]
    if kind == "matching":
        return [f"{p['left']} → {p['right']}" for _i, p in list_items(qdata["pairs"])]
    if kind == "ordering":
        return [
            f"{n}. {text}"
            for n, (_i, text) in enumerate(list_items(qdata["items"]), start=1)
        ]
    return [a for _i, a in list_items(qdata.get("accepted_answers") or []) if a]


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
            item["correct_answer"] = _correct_texts(kind, qdata)
            item["feedback"] = answer.feedback
        reviewed.append(item)
    return reviewed


def review_questions(attempt: Attempt, answers: list[AttemptAnswer]) -> list[dict]:
    """The result page's per-question review; none at all for "score only"."""
    if attempt.quiz.review_mode == ReviewMode.SCORE_ONLY:
        return []
    return reviewed_answers(attempt, answers)
