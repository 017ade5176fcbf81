"""Content of the two demo courses, as plain data, German and English side by side.

Every translatable item is a ``{"de": ..., "en": ...}`` dict so that the two
languages stay aligned item by item. ``demo.courses`` turns these structures into
pages; nothing here imports Django or Wagtail.

Course::

    {"slug": {de, en}, "title": {de, en}, "audience": str, "summary": {de, en},
     "intro": {de, en} (HTML), "learning_objectives": [{de, en}, ...],
     "estimated_minutes": int, "modules": [module, ...]}

Module::

    {"slug": {de, en}, "title": {de, en}, "summary": {de, en},
     "estimated_minutes": int, "body": [block, ...], "quiz": quiz | None}

Lesson blocks (``type`` selects the shape)::

    text        {"body": {de, en}}                          HTML
    callout     {"title": {de, en}, "body": {de, en}}       a key fact
    case_study  {"title", "situation", "question": {de, en},
                 "options": [{"text", "feedback": {de, en}, "is_best": bool}]}
    reflection  {"prompt": {de, en}}
    glossary    {"title": {de, en}, "items": [{"term", "definition": {de, en}}]}

Quiz::

    {"slug": {de, en}, "title": {de, en}, "intro": {de, en},
     "pass_mark_percent": int, "max_attempts": int | None,
     "review": "show_correct_answers", "questions": [question, ...]}

Questions (``type`` selects the shape)::

    single_choice / multiple_choice
        {"prompt", "explanation": {de, en},
         "options": [{"text", "feedback": {de, en}, "is_correct": bool}]}
    true_false     {"prompt", "explanation": {de, en}, "answer": bool}
    matching       {"prompt", "explanation", "pairs": [{"left", "right": {de, en}}]}
    ordering       {"prompt", "explanation", "items": [{de, en}, ...]}  correct order
    fill_in_blank  {"prompt": {de, en} with "___" for the gap, "explanation",
                    "accepted": {"de": [str, ...], "en": [str, ...]}}
"""

from .intercultural import COURSE as INTERCULTURAL
from .recognition import COURSE as RECOGNITION

COURSES = [INTERCULTURAL, RECOGNITION]

__all__ = ["COURSES", "INTERCULTURAL", "RECOGNITION"]
