"""Matching: each left item to one of the shuffled right-hand answers."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..grading import GradeResult, graded, list_items
from .base import (
    QuestionBlock,
    QuestionType,
    by_token,
    field_name,
    non_block_error,
    not_an_option,
    resolve_parts,
    texts,
)


class MatchingPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label=_("Item"), max_length=300)
    right = blocks.CharBlock(label=_("Matching answer"), max_length=300)

    class Meta:
        icon = "link"
        label = _("Pair")


class MatchingQuestionBlock(QuestionBlock):
    """Learners match each left item to one of the shuffled right-hand answers."""

    pairs = blocks.ListBlock(MatchingPairBlock(), label=_("Pairs"))

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: finish it later
            return value
        if len(value["pairs"]) < 2:
            raise non_block_error(_("A matching question needs at least two pairs."))
        lefts = [pair["left"].strip().casefold() for pair in value["pairs"]]
        if len(set(lefts)) != len(lefts):
            raise non_block_error(_("Each item on the left must be different."))
        return value

    class Meta:
        icon = "link"
        label = _("Matching")


class Matching(QuestionType):
    """Answers always shuffled (their stored order is the solution)."""

    name = "matching"
    order = 40
    block = MatchingQuestionBlock
    template = "quizzes/question_types/matching.html"
    parts = "lefts"

    def present(self, data, draw):
        ids = [item["id"] for item in data["pairs"]]
        lefts = draw.shuffled(ids) if draw.shuffle_options else ids
        entry = {"lefts": draw.tokens_for(lefts)}
        entry["rights"] = draw.tokens_for(draw.shuffled(lefts))
        return entry

    def resolve(self, question, value, *, strict):
        rights = by_token(question["rights"])

        def right_id(token):
            if not isinstance(token, str) or token not in rights:
                raise not_an_option()
            return rights[token]["id"]

        return resolve_parts(question["lefts"], value, right_id)

    def empty_response(self):
        return {}

    def grade(self, data: dict, matches: dict[str, str]) -> GradeResult:
        """Share of correctly matched pairs.

        ``matches`` maps a pair id (its left item) to the pair id whose right-hand
        text was chosen; identical right-hand texts count as the same answer.
        """
        pairs = dict(list_items(data["pairs"]))
        if not pairs:
            return graded(data, Decimal(0), [])
        right = 0
        for left_id, pair in pairs.items():
            chosen = matches.get(left_id)
            if chosen in pairs and pairs[chosen]["right"] == pair["right"]:
                right += 1
        return graded(data, Decimal(right) / Decimal(len(pairs)), [])

    def first_input_id(self, question):
        return question["lefts"][0]["name"]

    def form_fields(self, entry, value):
        pairs = texts(entry["data"], "pairs")
        chosen = value if isinstance(value, dict) else {}
        return {
            "rights": [
                {"token": r["token"], "text": pairs[r["id"]]["right"]}
                for r in entry["rights"]
            ],
            "lefts": [
                {
                    "name": field_name(entry["token"], left["token"]),
                    "text": pairs[left["id"]]["left"],
                    "selected": chosen.get(left["token"]),
                }
                for left in entry["lefts"]
            ],
        }

    def response_texts(self, data, response):
        pairs = texts(data, "pairs")
        return [
            f"{pairs[left]['left']} → {pairs[right]['right']}"
            for left, right in response.items()
            if left in pairs and right in pairs
        ]

    def correct_texts(self, data):
        return [f"{p['left']} → {p['right']}" for _i, p in list_items(data["pairs"])]


QUESTION_TYPE = Matching()
