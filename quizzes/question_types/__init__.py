"""The question types: one module each, registered here in their editor order.

Every module in this package (but ``base``) defines ``QUESTION_TYPE``, an
instance of ``base.QuestionType`` with its block, presentation, answer parsing,
grading and field template; adding a type means adding a module. The editor's
block menu (``quizzes.blocks``), the attempt services, the presentation and the
reports loop over ``all_types()`` and look types up with ``get``.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import Any

from ..grading import GradeResult
from .base import Draw, InvalidAnswers, QuestionType

__all__ = [
    "Draw",
    "InvalidAnswers",
    "QuestionType",
    "all_types",
    "find",
    "get",
    "grade",
    "names",
    "register",
    "unregister",
]

_TYPES: dict[str, QuestionType] = {}


def register(question_type: QuestionType) -> QuestionType:
    """Add a type; its name is the StreamField block name and must be new."""
    if question_type.name in _TYPES:
        raise ValueError(f"A question type named {question_type.name!r} exists.")
    _TYPES[question_type.name] = question_type
    return question_type


def unregister(name: str) -> None:
    del _TYPES[name]


def all_types() -> list[QuestionType]:
    """Every registered type in editor order."""
    return sorted(_TYPES.values(), key=lambda t: (t.order, t.name))


def names() -> tuple[str, ...]:
    return tuple(t.name for t in all_types())


def find(name: str | None) -> QuestionType | None:
    return _TYPES.get(name or "")


def get(name: str) -> QuestionType:
    return _TYPES[name]


def grade(name: str, data: dict, response: Any) -> GradeResult:
    """Grade one response; ``response`` is ``None`` for an unanswered question."""
    question_type = get(name)
    if response is None:
        response = question_type.empty_response()
    return question_type.grade(data, response)


for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _module.name != "base" and not _module.name.startswith("_"):
        register(import_module(f"{__name__}.{_module.name}").QUESTION_TYPE)
