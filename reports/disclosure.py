"""Disclosure control for report tables: primary and secondary cell suppression.

Why: hiding only the small counts (primary suppression) is not enough, because a
row or column total minus the visible cells gives a hidden value back. This
module knows nothing about Django; it works on named integer cells and the
linear relations between them ("these parts add up to that total").

Method:

1. Primary: every count with ``0 < value < threshold`` is hidden.
2. Secondary (complementary): for every relation in which exactly one member
   (a part or its total) is hidden, one more member is hidden: the smallest
   visible non-zero part; if there is none, the total; failing that, a visible
   zero part. A hidden value then always shares its relation with at least one
   other unknown, so it cannot be solved for.
3. Step 2 repeats over all relations until nothing changes. Relations share
   cell names across tables (the report's totals), so a cell hidden through one
   table is hidden in every table where the same population appears.

Only non-zero cells are chosen where possible: two hidden cells that must add
up to zero would be known to be zero because counts are never negative.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    """``sum(values[p] for p in parts) == values[total]`` holds in the data."""

    parts: tuple[Hashable, ...]
    total: Hashable


def relation_if_exact(
    values: Mapping[Hashable, int], parts: Iterable[Hashable], total: Hashable
) -> Relation | None:
    """The relation when the parts really add up to the total (else None).

    Only relations that hold are of use to an attacker, and only those may steer
    secondary suppression (an inexact one would hide cells for nothing).
    """
    parts = tuple(parts)
    if not parts or sum(values[p] for p in parts) != values[total]:
        return None
    return Relation(parts, total)


def _complement(
    relation: Relation, values: Mapping[Hashable, int], hidden: set[Hashable]
) -> Hashable | None:
    visible = [p for p in relation.parts if p not in hidden]
    non_zero = [p for p in visible if values[p] > 0]
    if non_zero:
        return min(non_zero, key=lambda p: (values[p], repr(p)))
    if relation.total not in hidden:
        return relation.total
    return visible[0] if visible else None


def suppress(
    values: Mapping[Hashable, int],
    relations: Iterable[Relation | None],
    threshold: int,
) -> set[Hashable]:
    """The names of every cell to hide (primary and secondary), stable order-free.

    ``values`` holds every cell of the report by name; ``relations`` the sums
    between them (``None`` entries are skipped, see ``relation_if_exact``).
    """
    active = [r for r in relations if r is not None]
    hidden = {name for name, value in values.items() if 0 < value < threshold}
    changed = True
    while changed:
        changed = False
        for relation in active:
            members = (*relation.parts, relation.total)
            if sum(1 for m in members if m in hidden) != 1:
                continue
            extra = _complement(relation, values, hidden)
            if extra is not None:
                hidden.add(extra)
                changed = True
    return hidden


def too_narrow(population: int, threshold: int) -> bool:
    """A filtered population of 1 to threshold-1 people must not be shown."""
    return 0 < population < threshold
