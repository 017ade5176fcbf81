"""GIFT (Moodle's plain text format) into bank questions.

Mapped: true/false ``{T}``, single choice ``{=a ~b}``, multiple choice with
percentages ``{~%50%a ~%50%b ~%-100%c}``, short answer ``{=a =b}`` → fill in
the blank, matching ``{=a -> 1 =b -> 2}``, numerical with exact answers
``{#42}`` → fill in the blank. Essays, tolerances and ranges are reported per
question. ``::title::``, ``#feedback`` and ``####general feedback`` are read.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

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

_ESCAPES = {"\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05"}
_ESCAPES.update({"\\:": "\x06", "\\-": "\x07"})
_BACK = {v: k[1] for k, v in _ESCAPES.items()}
_TITLE = re.compile(r"^::(.*?)::", re.S)
_PERCENT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


def _escape(text: str) -> str:
    for raw, mark in _ESCAPES.items():
        text = text.replace(raw, mark)
    return text


def _unescape(text: str) -> str:
    for mark, char in _BACK.items():
        text = text.replace(mark, char)
    return text.strip()


def _blocks(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    blocks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return [b for b in blocks if not b.strip().startswith("$CATEGORY:")]


def parse(data: bytes | str) -> ParseResult:
    raw = check_size(data)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _("The file is not UTF-8 text; nothing was imported."), code="encoding"
        ) from error
    blocks = _blocks(_escape(text))
    if len(blocks) > MAX_IMPORT_QUESTIONS:
        raise ImportRefused(
            _("The file has more than %(limit)s questions; nothing was imported.")
            % {"limit": MAX_IMPORT_QUESTIONS},
            code="too_many",
        )
    result = ParseResult()
    for number, block in enumerate(blocks, start=1):
        title_match = _TITLE.match(block.strip())
        title = _unescape(title_match.group(1)) if title_match else ""
        body = block.strip()[title_match.end() :] if title_match else block.strip()
        where = _("Question %(number)s (“%(name)s”)") % {
            "number": number,
            "name": title or body[:40],
        }
        start, end = body.find("{"), body.rfind("}")
        if start < 0 or end < start:
            raise ImportRefused(
                _("%(where)s has no answers in braces; nothing was imported.")
                % {"where": where},
                code="malformed",
            )
        prompt = _unescape(body[:start] + body[end + 1 :])
        if prompt.startswith("[html]"):
            prompt = prompt[len("[html]") :]
        parsed = _parse_answers(body[start + 1 : end].strip(), prompt, where)
        if parsed is None:
            result.skipped.append(
                _("%(where)s: this kind of GIFT question cannot be imported.")
                % {"where": where}
            )
            continue
        parsed.title = plain_text(title or prompt, where)[:255] or str(number)
        result.questions.append(parsed)
    return result


def _split_feedback(text: str) -> tuple[str, str]:
    head, _sep, feedback = text.partition("#")  # an escaped \\# is not "#" here
    return _unescape(head), _unescape(feedback)


def _base(prompt: str, general: str, where: str) -> dict:
    return {
        "prompt": rich_text(prompt, where),
        "points": "1",
        "general_feedback": plain_text(general, where),
    }


def _parse_answers(answers: str, prompt: str, where: str) -> ParsedQuestion | None:
    answers, _sep, general = answers.partition("####")
    general = _unescape(general)
    stripped = answers.strip()
    if not stripped or stripped.startswith("#"):
        return _numerical(stripped[1:], prompt, general, where) if stripped else None
    head = re.split(r"[#\s]", stripped, maxsplit=1)[0].upper()
    if head in ("T", "TRUE", "F", "FALSE"):
        feedbacks = [_unescape(f) for f in stripped.split("#")[1:]] + ["", ""]
        correct = head.startswith("T")
        value = _base("", general, where)
        value["statement"] = rich_text(prompt, where)
        value["correct"] = correct
        right, wrong = plain_text(feedbacks[0], where), plain_text(feedbacks[1], where)
        value["feedback_true"] = right if correct else wrong
        value["feedback_false"] = wrong if correct else right
        return ParsedQuestion("", "true_false", value)
    parts = re.findall(r"([=~])([^=~]*)", stripped)
    if not parts:
        return None
    if all(sign == "=" and "->" in text for sign, text in parts):
        pairs = []
        for _sign, text in parts:
            left, _arrow, right = text.partition("->")
            pairs.append(
                item(
                    {
                        "left": plain_text(_unescape(left), where)[:300],
                        "right": plain_text(_unescape(right), where)[:300],
                    }
                )
            )
        return ParsedQuestion(
            "", "matching", {**_base(prompt, general, where), "pairs": pairs}
        )
    if all(sign == "=" for sign, _text in parts):
        accepted = [
            item(plain_text(_split_feedback(text)[0], where)[:200])
            for _s, text in parts
        ]
        value = {**_base(prompt, general, where), "accepted_answers": accepted}
        return ParsedQuestion("", "fill_in_blank", {**value, "case_sensitive": False})
    options, weighted = [], False
    for sign, text in parts:
        text = text.strip()
        percent = _PERCENT.match(text)
        if percent:
            weighted = True
            text = text[percent.end() :]
        correct = sign == "=" or bool(percent and float(percent.group(1)) > 0)
        answer, feedback = _split_feedback(text)
        options.append(
            item(
                {
                    "text": plain_text(answer, where)[:500],
                    "is_correct": correct,
                    "feedback": plain_text(feedback, where),
                }
            )
        )
    several = weighted or sum(o["value"]["is_correct"] for o in options) > 1
    kind = "multiple_choice" if several else "single_choice"
    return ParsedQuestion(
        "", kind, {**_base(prompt, general, where), "options": options}
    )


def _numerical(text: str, prompt: str, general: str, where: str):
    accepted = []
    for raw in re.split(r"=", text) if "=" in text else [text]:
        value, _fb = _split_feedback(raw)
        if not value:
            continue
        if ":" in value or ".." in value:
            number, _sep, tolerance = value.partition(":")
            if ".." in value or tolerance.strip() not in ("", "0"):
                return None
            value = number
        accepted.append(item(plain_text(value, where)[:200]))
    if not accepted:
        return None
    value = {**_base(prompt, general, where), "accepted_answers": accepted}
    return ParsedQuestion("", "fill_in_blank", {**value, "case_sensitive": False})
