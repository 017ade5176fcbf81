"""The question bank's listings and choosers (quizzes/bank), per visitor.

Merged into ``listings.KINDS`` and ``listings.LISTINGS`` by test_listing_rows.py;
the bank objects of both teams are made when a listing's address is built.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from tests.security.listings import CO, TB, A, C, Listing
from tests.security.matrix import bank_of
from tests.security.world import World

BANK_KINDS: dict[str, Callable[[World], dict[str, tuple[str, ...]]]] = {
    "categories": lambda w: {
        "category A": ("Kategorie Team A",),
        "category B": ("Kategorie Team B",),
    },
    "bank questions": lambda w: {
        "question A": ("Frage Team A",),
        "question B": ("Frage Team B",),
    },
}


def bank_url(name: str, key: str | None = None) -> Callable[[World], str]:
    """A bank listing's address, made after both teams' bank objects."""

    def build(w: World) -> str:
        bank = bank_of(w)
        query = f"?id={bank[key].pk}&id={bank['other_' + key].pk}" if key else ""
        return reverse(name) + query

    return build


def _rows(model: str, kind: str, key: str, a: str, b: str) -> dict[str, Listing]:
    snippets = f"wagtailsnippets_quizzes_{model}"
    choosers = f"wagtailsnippetchoosers_quizzes_{model}"
    listed = {TB: {b}, A: {a, b}}
    chosen = {TB: {b}, CO: set(), C: set(), A: {a, b}}
    return {
        f"{snippets}:list": Listing(bank_url(f"{snippets}:list"), kind, listed),
        f"{snippets}:list_results": Listing(
            bank_url(f"{snippets}:list_results"), kind, listed
        ),
        f"{choosers}:choose": Listing(
            bank_url(f"{choosers}:choose"), kind, chosen, parse="chooser"
        ),
        f"{choosers}:choose_results": Listing(
            bank_url(f"{choosers}:choose_results"), kind, chosen
        ),
        f"{choosers}:chosen_multiple": Listing(
            bank_url(f"{choosers}:chosen_multiple", key), kind, chosen, parse="json"
        ),
    }


BANK_LISTINGS: dict[str, Listing] = {
    **_rows("questioncategory", "categories", "category", "category A", "category B"),
    **_rows("bankquestion", "bank questions", "question", "question A", "question B"),
}
