"""A course tree with a quiz, built with the Wagtail API, and question builders.

Builders give every question, option, pair and item a known id and mark every
secret (correct flags' texts, feedback, accepted answers) with a unique string, so
tests can assert that none of it reaches a learner before submission.
"""

from __future__ import annotations

import pytest

from courses.models import CourseIndexPage, CoursePage, ModulePage
from courses.services import enrol
from quizzes.models import QuizPage
from tests.factories import QUIZ_MODULE


def _item(item_id: str, value) -> dict:
    return {"type": "item", "id": item_id, "value": value}


def single_choice(qid="q-single", points="1", correct_index=0, n=3) -> dict:
    return {
        "type": "single_choice",
        "id": qid,
        "value": {
            "prompt": f"<p>Prompt {qid}</p>",
            "points": points,
            "general_feedback": f"SECRET-GENERAL-{qid}",
            "options": [
                _item(
                    f"IDOPT-{qid}-{i}",
                    {
                        "text": f"Option {i} of {qid}",
                        "is_correct": i == correct_index,
                        "feedback": f"SECRET-FEEDBACK-{qid}-{i}",
                    },
                )
                for i in range(n)
            ],
        },
    }


def multiple_choice(qid="q-multi", points="4", correct=(0, 1)) -> dict:
    return {
        "type": "multiple_choice",
        "id": qid,
        "value": {
            "prompt": f"<p>Prompt {qid}</p>",
            "points": points,
            "general_feedback": "",
            "options": [
                _item(
                    f"IDOPT-{qid}-{i}",
                    {
                        "text": f"Option {i} of {qid}",
                        "is_correct": i in correct,
                        "feedback": f"SECRET-FEEDBACK-{qid}-{i}",
                    },
                )
                for i in range(4)
            ],
        },
    }


def true_false(qid="q-tf", correct=True) -> dict:
    return {
        "type": "true_false",
        "id": qid,
        "value": {
            "prompt": "",
            "statement": f"<p>Statement {qid}</p>",
            "points": "1",
            "general_feedback": "",
            "correct": correct,
            "feedback_true": f"SECRET-FEEDBACK-TRUE-{qid}",
            "feedback_false": f"SECRET-FEEDBACK-FALSE-{qid}",
        },
    }


def matching(qid="q-match", n=4) -> dict:
    return {
        "type": "matching",
        "id": qid,
        "value": {
            "prompt": f"<p>Prompt {qid}</p>",
            "points": "2",
            "general_feedback": "",
            "pairs": [
                _item(f"IDPAIR-{qid}-{i}", {"left": f"Left {i}", "right": f"Right {i}"})
                for i in range(n)
            ],
        },
    }


def ordering(qid="q-order", n=4) -> dict:
    return {
        "type": "ordering",
        "id": qid,
        "value": {
            "prompt": f"<p>Prompt {qid}</p>",
            "points": "2",
            "general_feedback": "",
            "items": [_item(f"IDITEM-{qid}-{i}", f"Step {i}") for i in range(n)],
        },
    }


def fill_in_blank(qid="q-blank", answers=("SECRET-ANSWER-Anerkennung",), case=False):
    return {
        "type": "fill_in_blank",
        "id": qid,
        "value": {
            "prompt": f"<p>Prompt {qid}: ___</p>",
            "points": "1",
            "general_feedback": "",
            "accepted_answers": [
                _item(f"IDANS-{qid}-{i}", text) for i, text in enumerate(answers)
            ],
            "case_sensitive": case,
        },
    }


def all_types() -> list[dict]:
    return [
        single_choice(),
        multiple_choice(),
        true_false(),
        matching(),
        ordering(),
        fill_in_blank(),
    ]


@pytest.fixture
def module(site_root):
    index = site_root.add_child(instance=CourseIndexPage(title="Kurse", slug="kurse"))
    course = index.add_child(
        instance=CoursePage(title="Kurs", slug="kurs", summary="Ein Kurs.")
    )
    return course.add_child(
        instance=ModulePage(
            title="Modul",
            slug="modul",
            body=[("text", "<p>Inhalt</p>")],
            **QUIZ_MODULE,
        )
    )


@pytest.fixture
def make_quiz(module):
    counter = {"n": 0}

    def build(questions=None, **settings) -> QuizPage:
        counter["n"] += 1
        settings.setdefault("pass_mark_percent", 50)
        quiz = module.add_child(
            instance=QuizPage(
                title=f"Quiz {counter['n']}",
                slug=f"quiz-{counter['n']}",
                questions=questions if questions is not None else all_types(),
                **settings,
            )
        )
        quiz.save_revision().publish()
        quiz.refresh_from_db()
        return quiz

    return build


@pytest.fixture
def quiz(make_quiz):
    return make_quiz()


@pytest.fixture
def enrolled(learner, module):
    enrol(learner, module.get_parent().specific)
    return learner


@pytest.fixture
def other_enrolled(other_learner, module):
    enrol(other_learner, module.get_parent().specific)
    return other_learner


def correct_answers(attempt) -> dict:
    """Token-keyed form data answering every presented question correctly."""
    data = {}
    for q in attempt.presented:
        value = q["data"]
        if q["type"] in ("single_choice", "multiple_choice"):
            correct = {o["id"] for o in value["options"] if o["value"]["is_correct"]}
            tokens = [c["token"] for c in q["choices"] if c["id"] in correct]
            data[q["token"]] = tokens[0] if q["type"] == "single_choice" else tokens
        elif q["type"] == "true_false":
            data[q["token"]] = next(
                c["token"] for c in q["choices"] if c["value"] == value["correct"]
            )
        elif q["type"] == "matching":
            rights = {r["id"]: r["token"] for r in q["rights"]}
            data[q["token"]] = {
                left["token"]: rights[left["id"]] for left in q["lefts"]
            }
        elif q["type"] == "ordering":
            order = [item["id"] for item in value["items"]]
            data[q["token"]] = {
                item["token"]: order.index(item["id"]) + 1 for item in q["items"]
            }
        elif q["type"] == "fill_in_blank":
            data[q["token"]] = value["accepted_answers"][0]["value"]
    return data


def wrong_answers(attempt) -> dict:
    """Token-keyed data that gets every presented question wrong."""
    data = {}
    for q in attempt.presented:
        value = q["data"]
        if q["type"] in ("single_choice", "multiple_choice"):
            wrong = {o["id"] for o in value["options"] if not o["value"]["is_correct"]}
            tokens = [c["token"] for c in q["choices"] if c["id"] in wrong]
            data[q["token"]] = tokens[0] if q["type"] == "single_choice" else tokens
        elif q["type"] == "true_false":
            data[q["token"]] = next(
                c["token"] for c in q["choices"] if c["value"] != value["correct"]
            )
        elif q["type"] == "matching":
            rights = {r["id"]: r["token"] for r in q["rights"]}
            ids = [left["id"] for left in q["lefts"]]
            data[q["token"]] = {
                left["token"]: rights[ids[(i + 1) % len(ids)]]
                for i, left in enumerate(q["lefts"])
            }
        elif q["type"] == "ordering":
            order = [item["id"] for item in value["items"]]
            data[q["token"]] = {
                item["token"]: len(order) - order.index(item["id"])
                for item in q["items"]
            }
        elif q["type"] == "fill_in_blank":
            data[q["token"]] = "definitely wrong"
    return data


def publish_quiz(module, questions=None, **fields) -> QuizPage:
    """A published quiz below `module` (one single-choice question by default)."""
    fields.setdefault("pass_mark_percent", 50)
    quiz = module.add_child(
        instance=QuizPage(
            title=fields.pop("title", "Abschlusstest"),
            slug=fields.pop("slug", "abschlusstest"),
            questions=questions or [single_choice()],
            **fields,
        )
    )
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return quiz


def take_quiz(user, quiz, *, correct: bool = True):
    """Start (or resume) and submit an attempt through the quizzes services."""
    from quizzes.services import start_or_resume_attempt, submit_attempt

    attempt = start_or_resume_attempt(user, quiz)
    answers = correct_answers(attempt) if correct else wrong_answers(attempt)
    return submit_attempt(attempt, user, answers)
