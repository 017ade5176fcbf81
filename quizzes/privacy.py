"""GDPR: a learner's quiz attempts and the answers given.

The export holds every attempt with its score and the learner's own answers as
text; which answers were right, the points per question, the solution and the
feedback appear only as far as the quiz's review option shows them on the
result page (``presentation.reviewed_answers``), so the export reveals no more
than the quiz does.

Erasure keeps each attempt's score and each answer's points and correctness
(the item analysis counts them, anonymously through the erased account) but
removes what the learner typed: drafts and fill-in-the-blank texts.
"""

from contextlib import suppress

from django.utils.html import strip_tags

from . import question_types
from .models import Attempt, AttemptAnswer, AttemptStatus
from .presentation import response_texts, reviewed_answers
from .services import InvalidAnswers, resolve_responses

HOLDS_PERSONAL_DATA = {
    "quizzes.Attempt": "score kept, drafts removed on erasure",
    "quizzes.AttemptAnswer": "points kept, typed text removed on erasure",
}
NO_PERSONAL_DATA = {
    "quizzes.QuizPage": "content page",
    # The question bank is authored content; its revisions name the editor the
    # way Wagtail's own revisions do (handled with wagtailcore.Revision).
    "quizzes.QuestionCategory": "content: a bank category",
    "quizzes.BankQuestion": "content: a bank question",
    "quizzes.BankQuestionTag": "content: a bank question's tag",
}


def _plain(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def _exported(item: dict) -> dict:
    """A reviewed answer for the file: plain-text question, no template helpers."""
    exported = {
        "number": item["number"],
        "question_id": item["question_id"],
        "question": _plain(item["prompt"]) or _plain(item["statement"]),
        "your_answer": item["your_answer"],
    }
    if "status" in item:
        exported["result"] = item["status"]  # correct, partial or wrong
        exported["points_awarded"] = item["points_awarded"]
        exported["max_points"] = item["max_points"]
    if "correct_answer" in item:
        exported["correct_answer"] = item["correct_answer"]
        exported["feedback"] = item["feedback"]
    return exported


def _draft(attempt: Attempt) -> list[dict]:
    """An open attempt's saved answers, readable; nothing about their correctness."""
    responses: dict = {}
    with suppress(InvalidAnswers):
        responses = resolve_responses(
            attempt.presented, attempt.draft_answers or {}, strict=False
        )
    draft = []
    for number, entry in enumerate(attempt.presented or [], start=1):
        response = responses.get(entry["question_id"])
        if response in (None, [], {}, ""):
            continue
        draft.append(
            {
                "number": number,
                "question_id": entry["question_id"],
                "question": _plain(entry["data"].get("prompt"))
                or _plain(entry["data"].get("statement")),
                "your_answer": response_texts(entry["type"], entry["data"], response),
            }
        )
    return draft


def export_personal_data(user) -> dict:
    attempts = Attempt.objects.filter(user=user).select_related("quiz")
    answers = AttemptAnswer.objects.filter(attempt__user=user).order_by(
        "attempt_id", "pk"
    )
    by_attempt: dict[int, list] = {}
    for answer in answers:
        by_attempt.setdefault(answer.attempt_id, []).append(answer)
    exported = []
    for attempt in attempts:
        entry = {
            "quiz": attempt.quiz.title,
            "number": attempt.number,
            "status": attempt.status,
            "started_at": attempt.started_at,
            "submitted_at": attempt.submitted_at,
            "score_points": attempt.score_points,
            "max_points": attempt.max_points,
            "score_percent": attempt.score_percent,
            "passed": attempt.passed,
            "review": attempt.quiz.review_mode,
        }
        if attempt.status == AttemptStatus.SUBMITTED:
            reviewed = reviewed_answers(attempt, by_attempt.get(attempt.pk, []))
            entry["answers"] = [_exported(item) for item in reviewed]
        else:
            entry["draft_answers"] = _draft(attempt)
        exported.append(entry)
    return {"attempts": exported}


def erase_personal_data(user) -> None:
    for attempt in Attempt.objects.filter(user=user):
        free_text = {
            question["question_id"]
            for question in attempt.presented or []
            if getattr(question_types.find(question.get("type")), "free_text", False)
        }
        attempt.answers.filter(question_id__in=free_text).update(response=None)
        if attempt.draft_answers:
            attempt.draft_answers = {}
            attempt.save(update_fields=["draft_answers"])
