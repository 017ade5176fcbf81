"""Loads the two demo courses from ``demo.content`` into the page tree.

German pages are the originals, English pages their Wagtail translations. Page
translation keys and StreamField block ids are derived from the content's German
slugs (UUID5), so the loader finds its pages again, both languages share block ids
(reflections and quiz attempts refer to them), and a second run compares instead of
rewriting: unchanged pages get no new revision.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, ModulePage, PackageRequirement
from pages.models import HomePage
from quizzes.models import QuizPage, ReviewMode

from .content import COURSES
from .pages import content_locales, create_site_pages

SOURCE = "de"
TARGETS = ("en",)
NAMESPACE = uuid.UUID("6f1c9a52-3b8e-4d0a-9c57-2a4e8f0d1b63")

INDEX = {
    # "courses" would be shadowed by the courses app's URL prefix in English.
    "slug": {"de": "kurse", "en": "catalogue"},
    "title": {"de": "Kurse", "en": "Courses"},
    "description": {
        "de": "Kostenlose Online-Kurse zu interkultureller Kompetenz und zur "
        "Anerkennung ausländischer Berufsqualifikationen.",
        "en": "Free online courses on intercultural competence and the recognition "
        "of foreign professional qualifications.",
    },
    "intro": {
        "de": (
            "<p>Kostenlose Online-Kurse des Förderprogramms IQ für Arbeitgeber, "
            "Jobcenter und Agenturen für Arbeit. Jeder Kurs schließt mit einem Quiz "
            "und einem Zertifikat ab.</p>"
        ),
        "en": (
            "<p>Free online courses of the IQ programme for employers, Jobcenters "
            "and employment agencies. Every course ends with a quiz and a "
            "certificate.</p>"
        ),
    },
}


def _key(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


def _items(values: list, key: str) -> list[dict]:
    """A ListBlock value in the JSON-ish form, with stable item ids."""
    return [
        {"type": "item", "value": value, "id": _key(key, str(index))}
        for index, value in enumerate(values)
    ]


# --- content -> field values -------------------------------------------------------


def _lesson_block(block: dict, lang: str, key: str) -> tuple[str, dict | str]:
    kind = block["type"]
    if kind == "text":
        return "text", block["body"][lang]
    if kind == "callout":
        return "callout", {
            "kind": "key_fact",
            "title": block["title"][lang],
            "text": block["body"][lang],
        }
    if kind == "case_study":
        options = [
            {
                "text": option["text"][lang],
                "feedback": _paragraph(option["feedback"][lang]),
            }
            for option in block["options"]
        ]
        return "case_study", {
            "title": block["title"][lang],
            "situation": block["situation"][lang],
            "question": block["question"][lang],
            "options": _items(options, f"{key}/options"),
        }
    if kind == "reflection":
        return "reflection", {"prompt": _paragraph(block["prompt"][lang])}
    if kind == "glossary":
        entries = [
            {
                "term": item["term"][lang],
                "definition": _paragraph(item["definition"][lang]),
            }
            for item in block["items"]
        ]
        return "accordion", {
            "title": block["title"][lang],
            "entries": _items(entries, f"{key}/entries"),
        }
    raise ValueError(f"Unknown lesson block type {kind!r} in demo content.")


def _question(question: dict, lang: str, key: str) -> tuple[str, dict]:
    kind = question["type"]
    value: dict[str, Any] = {
        "prompt": _paragraph(question["prompt"][lang]),
        "points": "1",
        "general_feedback": question["explanation"][lang],
    }
    if kind in ("single_choice", "multiple_choice"):
        options = [
            {
                "text": option["text"][lang],
                "is_correct": option["is_correct"],
                "feedback": option["feedback"][lang],
            }
            for option in question["options"]
        ]
        value["options"] = _items(options, f"{key}/options")
    elif kind == "true_false":
        value.update(
            prompt="",
            statement=_paragraph(question["prompt"][lang]),
            correct=question["answer"],
            feedback_true="",
            feedback_false="",
        )
    elif kind == "matching":
        pairs = [
            {"left": pair["left"][lang], "right": pair["right"][lang]}
            for pair in question["pairs"]
        ]
        value["pairs"] = _items(pairs, f"{key}/pairs")
    elif kind == "ordering":
        value["items"] = _items(
            [item[lang] for item in question["items"]], f"{key}/items"
        )
    elif kind == "fill_in_blank":
        value["accepted_answers"] = _items(
            question["accepted"][lang], f"{key}/accepted"
        )
        value["case_sensitive"] = False
    else:
        raise ValueError(f"Unknown question type {kind!r} in demo content.")
    return kind, value


def _stream(blocks: list[tuple[str, Any]], key: str) -> list[dict]:
    return [
        {"type": name, "value": value, "id": _key(key, str(index))}
        for index, (name, value) in enumerate(blocks)
    ]


def index_fields(lang: str) -> dict:
    return {
        "title": INDEX["title"][lang],
        "slug": INDEX["slug"][lang],
        "intro": INDEX["intro"][lang],
        "search_description": INDEX["description"][lang],
        "show_in_menus": True,
    }


def course_fields(course: dict, lang: str) -> dict:
    objectives = "".join(
        f"<li>{html.escape(item[lang], quote=False)}</li>"
        for item in course["learning_objectives"]
    )
    fields = {
        "title": course["title"][lang],
        "slug": course["slug"][lang],
        "summary": course["summary"][lang],
        "search_description": course["summary"][lang],
        "audience": course["audience"],
        "estimated_duration_minutes": course["estimated_minutes"],
        "learning_objectives": f"<ul>{objectives}</ul>",
    }
    # The course introduction goes wherever the course model keeps longer text.
    for name in ("intro", "body", "description"):
        if _has_field(CoursePage, name):
            fields[name] = course["intro"][lang]
            break
    return fields


def module_fields(course: dict, module: dict, lang: str) -> dict:
    key = f"{course['slug'][SOURCE]}/{module['slug'][SOURCE]}"
    blocks = [
        _lesson_block(block, lang, f"{key}/body/{index}")
        for index, block in enumerate(module["body"])
    ]
    # Lessons: read to the end and confirm; the final module: pass its quiz.
    has_quiz = bool(module["quiz"])
    return {
        "title": module["title"][lang],
        "slug": module["slug"][lang],
        "intro": _paragraph(module["summary"][lang]),
        "search_description": module["summary"][lang],
        "body": _stream(blocks, f"{key}/body"),
        "is_required": True,
        "completion_viewed": not has_quiz,
        "completion_quiz_passed": has_quiz,
        "completion_packages": PackageRequirement.NONE
        if has_quiz
        else PackageRequirement.PASS_MARK,
        "estimated_duration_minutes": module["estimated_minutes"],
    }


def quiz_fields(course: dict, module: dict, lang: str) -> dict:
    quiz = module["quiz"]
    key = f"{course['slug'][SOURCE]}/{module['slug'][SOURCE]}/quiz"
    questions = [
        _question(question, lang, f"{key}/questions/{index}")
        for index, question in enumerate(quiz["questions"])
    ]
    return {
        "title": quiz["title"][lang],
        "slug": quiz["slug"][lang],
        "intro": quiz["intro"][lang],
        "questions": _stream(questions, f"{key}/questions"),
        "pass_mark_percent": quiz["pass_mark_percent"],
        "max_attempts": quiz["max_attempts"],
        "review_mode": ReviewMode.SHOW_CORRECT,
    }


# --- pages ---------------------------------------------------------------------


def _has_field(model: type, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _differs(page: Page, fields: dict) -> bool:
    for name, wanted in fields.items():
        current = getattr(page, name)
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            block = field.stream_block
            wanted_prep = block.get_prep_value(block.to_python(wanted))
            if block.get_prep_value(current) != wanted_prep:
                return True
        elif current != wanted:
            return True
    return False


def _publish_if_changed(page: Page, fields: dict) -> Page:
    """Set the fields and publish, unless the live page already has them."""
    page = page.specific
    if page.live and not page.has_unpublished_changes and not _differs(page, fields):
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _sync_source(
    parent: Page, model: type[Page], translation_key: str, fields: dict, locale
) -> Page:
    """Create or update the German original under ``parent``."""
    page = (
        model.objects.filter(translation_key=translation_key, locale=locale).first()
        or model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    )
    if page is None:
        page = model(translation_key=translation_key, locale=locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    return _publish_if_changed(page, fields)


def _sync_translation(source: Page, locale: Locale, fields: dict) -> Page:
    translation = source.get_translation_or_none(locale)
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    return _publish_if_changed(translation, fields)


def _sync(
    parent: Page,
    model: type[Page],
    key: str,
    fields_for: Callable[[str], dict],
    locales: dict[str, Locale],
) -> Page:
    source = _sync_source(parent, model, _key(key), fields_for(SOURCE), locales[SOURCE])
    for lang in TARGETS:
        _sync_translation(source, locales[lang], fields_for(lang))
    return source


@transaction.atomic
def create_demo_courses() -> None:
    """Create or update the demo courses in German and English; safe to repeat."""
    locales = content_locales()
    home = HomePage.objects.filter(locale=locales[SOURCE]).first()
    if home is None:
        home = create_site_pages()
    index = _sync(home, CourseIndexPage, "index", index_fields, locales)
    for course in COURSES:
        course_key = course["slug"][SOURCE]
        fields = partial(course_fields, course)
        course_page = _sync(index, CoursePage, course_key, fields, locales)
        for module in course["modules"]:
            module_key = f"{course_key}/{module['slug'][SOURCE]}"
            fields = partial(module_fields, course, module)
            module_page = _sync(course_page, ModulePage, module_key, fields, locales)
            if module["quiz"]:
                fields = partial(quiz_fields, course, module)
                _sync(module_page, QuizPage, f"{module_key}/quiz", fields, locales)
