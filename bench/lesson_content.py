"""The benchmark lesson's content, free of Django so the peer's seed can use it.

`lesson_blocks()` is the project's 20-block lesson as raw StreamField data;
`as_rich_text()` turns each block into the rich text a wagtail-lms lesson holds
(it has rich text and H5P blocks only), so both systems serve the same words.
"""

from __future__ import annotations

from uuid import uuid4

TEXT = (
    "<p>Die Anerkennung ausländischer Berufsabschlüsse folgt dem "
    "Berufsqualifikationsfeststellungsgesetz. Zuständig ist die Stelle, die "
    "auch den deutschen Referenzberuf betreut. <b>Wichtig:</b> Teilanerkennung "
    "und Anpassungsqualifizierung sind möglich.</p>"
)
BLOCKS = 20


def _block(number: int) -> dict:
    kind = number % 7
    if kind in (0, 3, 5):
        return {"type": "text", "value": TEXT}
    if kind == 1:
        return {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": f"Hinweis {number}",
                "text": "<p>Fragen Sie nach Zeugnissen.</p>",
            },
        }
    if kind == 2:
        return {
            "type": "accordion",
            "value": {
                "title": "Begriffe",
                "entries": [
                    {"term": f"Begriff {i}", "definition": "<p>Erklärt.</p>"}
                    for i in range(4)
                ],
            },
        }
    if kind == 4:
        return {
            "type": "case_study",
            "value": {
                "title": "Das Vorstellungsgespräch",
                "situation": "<p>Ein Bewerber schaut zu Boden.</p>",
                "question": "Wie erklären Sie sich das?",
                "options": [
                    {"text": "Desinteresse.", "feedback": "<p>Zu kurz.</p>"},
                    {"text": "Höflichkeit.", "feedback": "<p>Möglich.</p>"},
                ],
            },
        }
    return {"type": "reflection", "value": {"prompt": "<p>Was nehmen Sie mit?</p>"}}


def lesson_blocks() -> list[dict]:
    """Twenty blocks of every kind a trainer uses, as raw StreamField data."""
    blocks = [_block(number) for number in range(BLOCKS)]
    for block in blocks:
        block["id"] = str(uuid4())
    return blocks


def as_rich_text(block: dict) -> str:
    """The words of one lesson block as rich text (HTML in Wagtail's format)."""
    value = block["value"]
    kind = block["type"]
    if kind == "text":
        return value
    if kind == "callout":
        return f"<p><b>{value['title']}</b></p>{value['text']}"
    if kind == "accordion":
        entries = "".join(
            f"<p><b>{entry['term']}</b></p>{entry['definition']}"
            for entry in value["entries"]
        )
        return f"<h3>{value['title']}</h3>{entries}"
    if kind == "case_study":
        options = "".join(f"<li>{option['text']}</li>" for option in value["options"])
        return (
            f"<h3>{value['title']}</h3>{value['situation']}"
            f"<p>{value['question']}</p><ul>{options}</ul>"
        )
    return value["prompt"]
