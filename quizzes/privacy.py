"""GDPR: a learner's quiz attempts and the answers given.

Erasure keeps each attempt's score and each answer's points and correctness
(the item analysis counts them, anonymously through the erased account) but
removes what the learner typed: drafts and fill-in-the-blank texts.
"""

from .models import Attempt, AttemptAnswer

FREE_TEXT_TYPES = {"fill_in_blank"}


def export_personal_data(user) -> dict:
    attempts = Attempt.objects.filter(user=user).select_related("quiz")
    answers = AttemptAnswer.objects.filter(attempt__user=user).order_by(
        "attempt_id", "pk"
    )
    by_attempt: dict[int, list] = {}
    for answer in answers:
        by_attempt.setdefault(answer.attempt_id, []).append(
            {
                "question_id": answer.question_id,
                "response": answer.response,
                "points_awarded": answer.points_awarded,
                "max_points": answer.max_points,
                "is_correct": answer.is_correct,
            }
        )
    return {
        "attempts": [
            {
                "quiz": attempt.quiz.title,
                "number": attempt.number,
                "status": attempt.status,
                "started_at": attempt.started_at,
                "submitted_at": attempt.submitted_at,
                "score_points": attempt.score_points,
                "max_points": attempt.max_points,
                "score_percent": attempt.score_percent,
                "passed": attempt.passed,
                "draft_answers": attempt.draft_answers,
                "answers": by_attempt.get(attempt.pk, []),
            }
            for attempt in attempts
        ]
    }


def erase_personal_data(user) -> None:
    for attempt in Attempt.objects.filter(user=user):
        free_text = {
            question["question_id"]
            for question in attempt.presented or []
            if question.get("type") in FREE_TEXT_TYPES
        }
        attempt.answers.filter(question_id__in=free_text).update(response=None)
        if attempt.draft_answers:
            attempt.draft_answers = {}
            attempt.save(update_fields=["draft_answers"])
