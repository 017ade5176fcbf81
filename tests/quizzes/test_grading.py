"""Grading rules per question type: right, wrong and partial answers (no database)."""

from decimal import Decimal

from quizzes import question_types
from quizzes.grading import score_percent

from .conftest import (
    fill_in_blank,
    matching,
    multiple_choice,
    ordering,
    single_choice,
    true_false,
)

grade_question = question_types.grade
grade_single_choice = question_types.get("single_choice").grade
grade_multiple_choice = question_types.get("multiple_choice").grade
grade_true_false = question_types.get("true_false").grade
grade_matching = question_types.get("matching").grade
grade_ordering = question_types.get("ordering").grade
grade_fill_in_blank = question_types.get("fill_in_blank").grade


def test_single_choice_right_answer_gets_all_points_and_its_feedback():
    data = single_choice(points="2")["value"]
    result = grade_single_choice(data, "IDOPT-q-single-0")
    assert result.points_awarded == Decimal("2.00")
    assert result.is_correct
    assert "SECRET-FEEDBACK-q-single-0" in result.feedback
    assert "SECRET-GENERAL-q-single" in result.feedback


def test_single_choice_wrong_or_missing_answer_gets_nothing():
    data = single_choice()["value"]
    assert grade_single_choice(data, "IDOPT-q-single-1").points_awarded == 0
    assert not grade_single_choice(data, "IDOPT-q-single-1").is_correct
    assert grade_single_choice(data, None).points_awarded == 0
    assert grade_single_choice(data, "unknown").points_awarded == 0


def test_multiple_choice_all_correct_and_nothing_wrong_gets_full_points():
    data = multiple_choice(points="4", correct=(0, 1))["value"]
    result = grade_multiple_choice(data, ["IDOPT-q-multi-0", "IDOPT-q-multi-1"])
    assert result.points_awarded == Decimal("4.00")
    assert result.is_correct


def test_multiple_choice_half_the_correct_options_gets_half_the_points():
    data = multiple_choice(points="4", correct=(0, 1))["value"]
    result = grade_multiple_choice(data, ["IDOPT-q-multi-0"])
    assert result.points_awarded == Decimal("2.00")
    assert not result.is_correct


def test_multiple_choice_wrong_tick_cancels_a_right_one():
    data = multiple_choice(points="4", correct=(0, 1))["value"]
    both_right_one_wrong = ["IDOPT-q-multi-0", "IDOPT-q-multi-1", "IDOPT-q-multi-2"]
    assert grade_multiple_choice(data, both_right_one_wrong).points_awarded == Decimal(
        "2.00"
    )
    assert (
        grade_multiple_choice(
            data, ["IDOPT-q-multi-0", "IDOPT-q-multi-2"]
        ).points_awarded
        == 0
    )


def test_multiple_choice_ticking_everything_scores_nothing_never_negative():
    data = multiple_choice(points="4", correct=(0,))["value"]
    every = [f"IDOPT-q-multi-{i}" for i in range(4)]
    assert grade_multiple_choice(data, every).points_awarded == 0
    assert grade_multiple_choice(data, []).points_awarded == 0


def test_multiple_choice_counts_a_repeated_option_once():
    data = multiple_choice(points="4", correct=(0, 1))["value"]
    result = grade_multiple_choice(data, ["IDOPT-q-multi-0", "IDOPT-q-multi-0"])
    assert result.points_awarded == Decimal("2.00")


def test_true_false_right_wrong_and_feedback_of_the_chosen_side():
    data = true_false(correct=False)["value"]
    right = grade_true_false(data, False)
    wrong = grade_true_false(data, True)
    assert right.is_correct and right.points_awarded == Decimal("1.00")
    assert right.feedback == ["SECRET-FEEDBACK-FALSE-q-tf"]
    assert not wrong.is_correct and wrong.points_awarded == 0
    assert wrong.feedback == ["SECRET-FEEDBACK-TRUE-q-tf"]
    assert grade_true_false(data, None).points_awarded == 0


def test_matching_all_pairs_right_gets_full_points():
    data = matching(n=4)["value"]
    matches = {f"IDPAIR-q-match-{i}": f"IDPAIR-q-match-{i}" for i in range(4)}
    result = grade_matching(data, matches)
    assert result.points_awarded == Decimal("2.00")
    assert result.is_correct


def test_matching_scores_the_share_of_correct_pairs():
    data = matching(n=4)["value"]
    matches = {
        "IDPAIR-q-match-0": "IDPAIR-q-match-0",
        "IDPAIR-q-match-1": "IDPAIR-q-match-2",
        "IDPAIR-q-match-2": "IDPAIR-q-match-1",
    }
    result = grade_matching(data, matches)
    assert result.points_awarded == Decimal("0.50")  # 1 of 4 pairs × 2 points
    assert not result.is_correct
    assert grade_matching(data, {}).points_awarded == 0


def test_matching_treats_identical_right_hand_texts_as_the_same_answer():
    question = matching(n=3)
    question["value"]["pairs"][2]["value"]["right"] = "Right 1"
    data = question["value"]
    matches = {
        "IDPAIR-q-match-0": "IDPAIR-q-match-0",
        "IDPAIR-q-match-1": "IDPAIR-q-match-2",
        "IDPAIR-q-match-2": "IDPAIR-q-match-1",
    }
    assert grade_matching(data, matches).is_correct


def test_ordering_correct_order_gets_full_points():
    data = ordering(n=4)["value"]
    positions = {f"IDITEM-q-order-{i}": i + 1 for i in range(4)}
    result = grade_ordering(data, positions)
    assert result.is_correct and result.points_awarded == Decimal("2.00")


def test_ordering_scores_the_share_of_items_in_the_right_position():
    data = ordering(n=4)["value"]
    # Items 0 and 3 in place, 1 and 2 swapped.
    positions = {
        "IDITEM-q-order-0": 1,
        "IDITEM-q-order-1": 3,
        "IDITEM-q-order-2": 2,
        "IDITEM-q-order-3": 4,
    }
    result = grade_ordering(data, positions)
    assert result.points_awarded == Decimal("1.00")
    assert not result.is_correct
    reversed_order = {f"IDITEM-q-order-{i}": 4 - i for i in range(4)}
    assert grade_ordering(data, reversed_order).points_awarded == 0


def test_fill_in_blank_accepts_variants_ignoring_case_and_extra_spaces():
    data = fill_in_blank(answers=("Berufliche Anerkennung", "Anerkennung"))["value"]
    assert grade_fill_in_blank(data, "  berufliche   ANERKENNUNG ").is_correct
    assert grade_fill_in_blank(data, "anerkennung").points_awarded == Decimal("1.00")


def test_fill_in_blank_wrong_or_empty_answer_gets_nothing():
    data = fill_in_blank(answers=("Anerkennung",))["value"]
    assert grade_fill_in_blank(data, "Anerkenung").points_awarded == 0
    assert grade_fill_in_blank(data, "").points_awarded == 0
    assert grade_fill_in_blank(data, None).points_awarded == 0


def test_fill_in_blank_case_sensitive_question_respects_case():
    data = fill_in_blank(answers=("IQ",), case=True)["value"]
    assert grade_fill_in_blank(data, " IQ ").is_correct
    assert not grade_fill_in_blank(data, "iq").is_correct


def test_unanswered_question_of_every_type_scores_zero():
    for question in (
        single_choice(),
        multiple_choice(),
        true_false(),
        matching(),
        ordering(),
        fill_in_blank(),
    ):
        result = grade_question(question["type"], question["value"], None)
        assert result.points_awarded == 0
        assert not result.is_correct


def test_score_percent_rounds_and_handles_a_quiz_worth_nothing():
    assert score_percent(Decimal("1"), Decimal("3")) == Decimal("33.33")
    assert score_percent(Decimal("2"), Decimal("3")) == Decimal("66.67")
    assert score_percent(Decimal("0"), Decimal("0")) == Decimal("100.00")
