"""Moodle XML: read a file into bank questions, write a category as a file.

Mapped types: multichoice (single → single choice, several → multiple choice),
truefalse, shortanswer → fill in the blank, matching, ordering, numerical with
exact answers → fill in the blank. Every other type is reported by name. The XML
is parsed with defusedxml and no DTD: entity expansion and external entities
are refused with a message.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from ..grading import list_items
from .formats import (
    MAX_IMPORT_QUESTIONS,
    ImportRefused,
    ParsedQuestion,
    ParseResult,
    check_size,
    item,
    plain_text,
    rich_text,
)


def _text(node: Element | None, path: str = "text") -> str:
    found = node.find(path) if node is not None else None
    return (found.text or "") if found is not None else ""


def _fraction(answer: Element) -> Decimal:
    try:
        return Decimal(answer.get("fraction") or "0")
    except InvalidOperation:
        return Decimal(0)


def _points(question: Element) -> str:
    try:
        return str(Decimal(_text(question, "defaultgrade") or "1"))
    except InvalidOperation:
        return "1"


def parse(data: bytes | str) -> ParseResult:
    """The file's questions; raises ``ImportRefused`` for a file that is not safe
    or not Moodle XML (nothing is stored by parsing)."""
    raw = check_size(data)
    try:
        root = fromstring(raw, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportRefused(
            _(
                "The file declares a DTD or entities, which are not allowed "
                "for safety; nothing was imported."
            ),
            code="unsafe_xml",
        ) from error
    except ParseError as error:
        raise ImportRefused(
            _("The file is not valid XML (%(error)s); nothing was imported.")
            % {"error": error},
            code="malformed",
        ) from error
    if root.tag != "quiz":
        raise ImportRefused(
            _("This is not a Moodle XML question file; nothing was imported."),
            code="not_moodle",
        )
    result = ParseResult()
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    if len(questions) > MAX_IMPORT_QUESTIONS:
        raise ImportRefused(
            _("The file has more than %(limit)s questions; nothing was imported.")
            % {"limit": MAX_IMPORT_QUESTIONS},
            code="too_many",
        )
    for number, question in enumerate(questions, start=1):
        kind = question.get("type") or ""
        name = _text(question.find("name")) or str(number)
        where = _("Question %(number)s (“%(name)s”)") % {
            "number": number,
            "name": name,
        }
        parsed = _parse_one(kind, question, where)
        if parsed is None:
            result.skipped.append(
                _("%(where)s: the type “%(type)s” cannot be imported.")
                % {"where": where, "type": kind}
            )
            continue
        parsed.title = plain_text(name, where)[:255] or str(number)
        parsed.tags = [
            plain_text(t.text or "", where)
            for t in question.findall("tags/tag/text")
            if (t.text or "").strip()
        ]
        result.questions.append(parsed)
    return result


def _base(question: Element, where: str) -> dict:
    return {
        "prompt": rich_text(_text(question.find("questiontext")), where),
        "points": _points(question),
        "general_feedback": plain_text(_text(question.find("generalfeedback")), where),
    }


def _parse_one(kind: str, q: Element, where: str) -> ParsedQuestion | None:
    answers = q.findall("answer")
    if kind == "multichoice":
        single = (_text(q, "single") or "true").strip().lower() in ("true", "1")
        options = [
            item(
                {
                    "text": plain_text(_text(a), where)[:500],
                    "is_correct": _fraction(a) > 0,
                    "feedback": plain_text(_text(a.find("feedback")), where),
                }
            )
            for a in answers
        ]
        kind_name = "single_choice" if single else "multiple_choice"
        return ParsedQuestion("", kind_name, {**_base(q, where), "options": options})
    if kind == "truefalse":
        value = {**_base(q, where), "correct": True}
        value["statement"], value["prompt"] = value["prompt"], ""
        for a in answers:
            is_true = _text(a).strip().lower() == "true"
            feedback = plain_text(_text(a.find("feedback")), where)
            value["feedback_true" if is_true else "feedback_false"] = feedback
            if _fraction(a) > 0:
                value["correct"] = is_true
        value.setdefault("feedback_true", "")
        value.setdefault("feedback_false", "")
        return ParsedQuestion("", "true_false", value)
    if kind in ("shortanswer", "numerical"):
        if kind == "numerical" and any(
            (_text(a, "tolerance") or "0").strip() not in ("", "0") for a in answers
        ):
            return None  # a tolerance has no equivalent here
        accepted = [
            item(plain_text(_text(a), where)[:200])
            for a in answers
            if _fraction(a) >= 100
        ]
        case = (_text(q, "usecase") or "0").strip() == "1"
        return ParsedQuestion(
            "",
            "fill_in_blank",
            {**_base(q, where), "accepted_answers": accepted, "case_sensitive": case},
        )
    if kind == "matching":
        pairs = [
            item(
                {
                    "left": plain_text(_text(s), where)[:300],
                    "right": plain_text(_text(s.find("answer")), where)[:300],
                }
            )
            for s in q.findall("subquestion")
        ]
        return ParsedQuestion("", "matching", {**_base(q, where), "pairs": pairs})
    if kind == "ordering":
        ordered = sorted(answers, key=_fraction) if answers else []
        items = [item(plain_text(_text(a), where)[:300]) for a in ordered]
        return ParsedQuestion("", "ordering", {**_base(q, where), "items": items})
    return None


# --- export -------------------------------------------------------------------------


def _text_node(parent: Element, tag: str, text: str, html: bool = False) -> Element:
    node = SubElement(parent, tag, {"format": "html"} if html else {})
    SubElement(node, "text").text = text or ""
    return node


def _answer(parent, text: str, fraction: int, feedback: str = "") -> Element:
    answer = SubElement(parent, "answer", {"fraction": str(fraction)})
    SubElement(answer, "text").text = text
    _text_node(answer, "feedback", feedback)
    return answer


def export(questions, category_name: str) -> bytes:
    """The questions (``BankQuestion``s) as a Moodle XML file."""
    root = Element("quiz")
    category = SubElement(root, "question", {"type": "category"})
    _text_node(category, "category", f"$course$/{category_name}")
    for question in questions:
        child = question.question
        if child is None:
            continue
        value = child.block.get_prep_value(child.value)
        _export_one(root, question, child.block_type, value)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(
        root, encoding="unicode"
    ).encode("utf-8")


_MOODLE_TYPES = {
    "single_choice": "multichoice",
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "fill_in_blank": "shortanswer",
    "matching": "matching",
    "ordering": "ordering",
}


def _export_one(root: Element, question, kind: str, value: dict) -> None:
    node = SubElement(root, "question", {"type": _MOODLE_TYPES[kind]})
    _text_node(node, "name", question.title)
    prompt = value.get("statement") if kind == "true_false" else value.get("prompt")
    _text_node(node, "questiontext", str(prompt or ""), html=True)
    _text_node(node, "generalfeedback", value.get("general_feedback") or "")
    SubElement(node, "defaultgrade").text = str(value.get("points") or 1)
    if kind in ("single_choice", "multiple_choice"):
        SubElement(node, "single").text = "true" if kind == "single_choice" else "false"
        options = [o for _i, o in list_items(value["options"])]
        correct = sum(1 for o in options if o["is_correct"]) or 1
        for option in options:
            fraction = (100 if kind == "single_choice" else 100 / correct) * bool(
                option["is_correct"]
            )
            _answer(node, option["text"], round(fraction, 5), option["feedback"])
    elif kind == "true_false":
        _answer(node, "true", 100 * value["correct"], value["feedback_true"])
        _answer(node, "false", 100 * (not value["correct"]), value["feedback_false"])
    elif kind == "fill_in_blank":
        SubElement(node, "usecase").text = "1" if value["case_sensitive"] else "0"
        for _i, text in list_items(value["accepted_answers"]):
            _answer(node, text, 100)
    elif kind == "matching":
        for _i, pair in list_items(value["pairs"]):
            sub = _text_node(node, "subquestion", pair["left"])
            _text_node(sub, "answer", pair["right"])
    elif kind == "ordering":
        for position, (_i, text) in enumerate(list_items(value["items"]), start=1):
            _answer(node, text, position)
    tags = list(question.tags.names())
    if tags:
        tag_list = SubElement(node, "tags")
        for tag in tags:
            _text_node(tag_list, "tag", tag)
