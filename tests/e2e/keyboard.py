"""Answering a quiz attempt with the keyboard only, as a person without a mouse would.

The page is read (which option carries which text) but only keys act on it:
Tab and Shift+Tab move, Space and the arrow keys choose, typing fills in text.
"""

from __future__ import annotations

import re
from html import unescape

from playwright.sync_api import expect

from tests.e2e.conftest import assert_focus_visible, tab_to


def _question(page, number: int):
    return page.locator(f"#question-{number}")


def _labels(question) -> list[str]:
    labels = question.locator(".quiz-options label").all_inner_texts()
    return [text.strip() for text in labels]


def _choose_radio(page, question, label: str) -> None:
    """Tab into the radio group, then Space (first option) or arrow down to it."""
    radios = question.locator("input[type=radio]")
    texts = _labels(question)
    target = texts.index(label)
    tab_to(page, f"#{radios.first.get_attribute('id')}")
    assert_focus_visible(page)
    if target == 0:
        page.keyboard.press("Space")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    assert radios.nth(target).is_checked(), f"{label} was not chosen"


def _tick_checkboxes(page, question, labels: set[str]) -> None:
    boxes = question.locator("input[type=checkbox]")
    texts = _labels(question)
    for index, text in enumerate(texts):
        if text in labels:
            tab_to(page, f"#{boxes.nth(index).get_attribute('id')}")
            assert_focus_visible(page)
            page.keyboard.press("Space")
            assert boxes.nth(index).is_checked()


def _choose_in_selects(page, question, wanted: dict[str, str]) -> None:
    """For each labelled select, arrow down from the placeholder to the answer."""
    for item in question.locator("li").all():
        label = item.locator("label").inner_text().strip()
        select = item.locator("select")
        options = [o.strip() for o in select.locator("option").all_inner_texts()]
        target = options.index(wanted[label])
        tab_to(page, f"#{select.get_attribute('id')}")
        assert_focus_visible(page)
        for _ in range(target):
            page.keyboard.press("ArrowDown")
        assert select.evaluate("s => s.selectedIndex") == target, label


def _type_answer(page, question, text: str) -> None:
    field = question.locator("input[type=text]")
    tab_to(page, f"#{field.get_attribute('id')}")
    assert_focus_visible(page)
    page.keyboard.type(text)


def answer_quiz_by_keyboard(page, answers: dict[str, object]) -> None:
    """Answer every question of the attempt form from `answers`, keyed by prompt.

    Values: an option label (single choice, true/false), a set of labels
    (multiple choice), a dict item -> answer (matching, ordering) or typed text.
    """
    expect(page.locator("form.quiz-form")).to_be_visible()
    count = page.locator("li.quiz-question").count()
    assert count == len(answers), f"{count} questions on the page, {len(answers)} known"
    for number in range(1, count + 1):
        question = _question(page, number)
        prompt = " ".join(
            question.locator(".quiz-question__prompt").inner_text().split()
        )
        key = next(k for k in answers if k in prompt)
        kind = question.get_attribute("class")
        wanted = answers[key]
        if "--single_choice" in kind or "--true_false" in kind:
            _choose_radio(page, question, wanted)
        elif "--multiple_choice" in kind:
            _tick_checkboxes(page, question, wanted)
        elif "--matching" in kind or "--ordering" in kind:
            _choose_in_selects(page, question, wanted)
        elif "--fill_in_blank" in kind:
            _type_answer(page, question, wanted)
        else:
            raise AssertionError(f"unknown question type in {kind}")


# The right answers to tests.quizzes.conftest.all_types(), keyed by prompt text.
ALL_TYPES_CORRECT = {
    "Prompt q-single": "Option 0 of q-single",
    "Prompt q-multi": {"Option 0 of q-multi", "Option 1 of q-multi"},
    "Statement q-tf": "True",
    "Prompt q-match": {f"Left {i}": f"Right {i}" for i in range(4)},
    "Prompt q-order": {f"Step {i}": str(i + 1) for i in range(4)},
    "Prompt q-blank": "SECRET-ANSWER-Anerkennung",
}


def _plain(html: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", " ", html or ""))
    return " ".join(text.split())[:40]


def correct_answers_by_prompt(quiz) -> dict[str, object]:
    """The right answers of a quiz page's questions, keyed by their prompt's start.

    Read from the quiz page in the database, for answering it in the browser.
    """
    answers: dict[str, object] = {}
    for question in quiz.questions:
        value = question.value
        kind = question.block_type
        key = _plain(value["prompt"].source)
        if kind == "true_false":
            key = _plain(value["statement"].source)
            answers[key] = "True" if value["correct"] else "False"
        elif kind == "single_choice":
            answers[key] = next(o["text"] for o in value["options"] if o["is_correct"])
        elif kind == "multiple_choice":
            answers[key] = {o["text"] for o in value["options"] if o["is_correct"]}
        elif kind == "matching":
            answers[key] = {p["left"]: p["right"] for p in value["pairs"]}
        elif kind == "ordering":
            answers[key] = {item: str(n) for n, item in enumerate(value["items"], 1)}
        elif kind == "fill_in_blank":
            answers[key] = next(a for a in value["accepted_answers"] if a)
    return answers
