"""SCORM interactions and objectives as xAPI statements (ADL's xAPI SCORM Profile).

What the profile asks (adlnet/xAPI-SCORM-Profile, xapi-scorm-profile.md):
- an interaction is an Activity `<SCO IRI>/interactions/<id>` with an
  interaction definition (interactionType, correctResponsesPattern), reported
  with the verb `responded` and the learner's answer in `result.response`;
- an objective is an Activity `<SCO IRI>/objectives/<id>` of type `objective`,
  reported as completed, passed or failed;
- the SCO is the parent, the package and the attempt are grouping, and every
  statement carries the profile activity `https://w3id.org/xapi/scorm` as category.

A commit sends every interaction again: each statement's id is derived from what
it says, so a repeated commit stores nothing new and a changed answer is a new
statement. Only `record_scorm_details` is called, from the SCORM commit service.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import quote

from . import xapi
from .models import PackageKind, Statement, StatementSource

PROFILE_CATEGORY = {
    "objectType": "Activity",
    "id": "https://w3id.org/xapi/scorm",
    "definition": {"type": "http://adlnet.gov/expapi/activities/profile"},
}
INTERACTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
OBJECTIVE_TYPE = "http://adlnet.gov/expapi/activities/objective"
ATTEMPT_TYPE = "http://adlnet.gov/expapi/activities/attempt"
LESSON_TYPE = "http://adlnet.gov/expapi/activities/lesson"
COURSE_TYPE = "http://adlnet.gov/expapi/activities/course"
STATEMENT_NAMESPACE = uuid.UUID("0b7c5d0e-8f5e-5d2a-b0a4-4f6f7e3c9a21")
MAX_ITEMS = 250
CORRECT = {"correct"}
INCORRECT = {"incorrect", "wrong"}
SCORM12_TIME = re.compile(r"^(\d{1,4}):([0-5]?\d):([0-5]?\d(?:\.\d{1,2})?)$")


def _items(collection: Any) -> list[tuple[int, dict]]:
    """scorm-again sends a CMI array as a list or as an object keyed "0", "1", …"""
    if isinstance(collection, list):
        pairs = list(enumerate(collection))
    elif isinstance(collection, dict):
        pairs = [
            (int(key), value)
            for key, value in collection.items()
            if isinstance(key, str) and key.isdigit()
        ]
    else:
        return []
    return [(i, v) for i, v in sorted(pairs) if isinstance(v, dict)][:MAX_ITEMS]


def _text(value: Any, limit: int = 4000) -> str:
    return "" if value is None else str(value)[:limit]


def _scorm12_list(value: str, interaction_type: str) -> str:
    """A SCORM 1.2 response/pattern in xAPI's delimiter syntax ([,] and [.])."""
    if interaction_type == "true-false":
        return {"t": "true", "1": "true", "f": "false", "0": "false"}.get(
            value.strip().lower(), value
        )
    if interaction_type in {"choice", "sequencing"}:
        return "[,]".join(part.strip() for part in value.split(","))
    if interaction_type == "matching":
        pairs = [part.strip().split(".", 1) for part in value.split(",")]
        return "[,]".join("[.]".join(pair) for pair in pairs)
    return value


def _duration(latency: str, kind: str) -> str | None:
    if not latency:
        return None
    if kind != PackageKind.SCORM12:
        return latency if latency.startswith("P") else None
    match = SCORM12_TIME.match(latency)
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    return f"PT{int(hours)}H{int(minutes)}M{float(seconds):g}S"


def _statement_id(*parts: Any) -> uuid.UUID:
    return uuid.uuid5(STATEMENT_NAMESPACE, "|".join(str(part) for part in parts))


def _context(package, sco_index: int, sco_title: str, attempt, language: str):
    sco_id = package.sco_activity_id(sco_index)
    sco: dict[str, Any] = {
        "objectType": "Activity",
        "id": sco_id,
        "definition": {"type": LESSON_TYPE},
    }
    if sco_title:
        sco["definition"]["name"] = {language or "und": sco_title}
    course: dict[str, Any] = {
        "objectType": "Activity",
        "id": package.activity_id,
        "definition": {"type": COURSE_TYPE},
    }
    if package.title:
        course["definition"]["name"] = {language or "und": package.title}
    attempt_id = uuid.uuid5(STATEMENT_NAMESPACE, f"attempt:{attempt.pk}")
    return {
        "parent": [sco],
        "grouping": [
            course,
            {
                "objectType": "Activity",
                "id": f"{sco_id}?attemptId={attempt_id}",
                "definition": {"type": ATTEMPT_TYPE},
            },
        ],
        "category": [PROFILE_CATEGORY],
    }


def _interaction(raw: dict, kind: str) -> tuple[str, dict, dict] | None:
    """(activity path, definition, result) of one cmi.interactions.n, or None."""
    identifier = _text(raw.get("id"), 255).strip()
    if not identifier:
        return None
    interaction_type = _text(raw.get("type"), 32)
    definition: dict[str, Any] = {"type": INTERACTION_TYPE}
    if interaction_type in xapi.INTERACTION_TYPES:
        definition["interactionType"] = interaction_type
        patterns = []
        for _index, item in _items(raw.get("correct_responses")):
            pattern = _text(item.get("pattern"))
            if kind == PackageKind.SCORM12:
                pattern = _scorm12_list(pattern, interaction_type)
            if pattern:
                patterns.append(pattern)
        if patterns:
            definition["correctResponsesPattern"] = patterns
    description = _text(raw.get("description"))
    if description:
        definition["description"] = {"und": description}
    response = _text(raw.get("learner_response") or raw.get("student_response"))
    if kind == PackageKind.SCORM12 and response:
        response = _scorm12_list(response, interaction_type)
    result: dict[str, Any] = {}
    if response:
        result["response"] = response
    outcome = _text(raw.get("result"), 32).lower()
    if outcome in CORRECT | INCORRECT:
        result["success"] = outcome in CORRECT
    duration = _duration(_text(raw.get("latency"), 64), kind)
    if duration:
        result["duration"] = duration
    return quote(identifier, safe=""), definition, result


def _objective_verbs(raw: dict, kind: str) -> list[tuple[str, dict]]:
    """The verbs an objective's status states, each with its result."""
    if kind == PackageKind.SCORM12:
        status = _text(raw.get("status"), 32)
        success = status if status in {"passed", "failed"} else ""
        completion = "completed" if status in {"completed", "passed"} else ""
    else:
        success = _text(raw.get("success_status"), 32)
        success = success if success in {"passed", "failed"} else ""
        completion = _text(raw.get("completion_status"), 32)
        completion = completion if completion == "completed" else ""
    score = raw.get("score") if isinstance(raw.get("score"), dict) else {}
    scaled = None
    if kind != PackageKind.SCORM12 and score.get("scaled") not in (None, ""):
        try:
            scaled = max(-1.0, min(1.0, float(score["scaled"])))
        except (TypeError, ValueError):
            scaled = None
    verbs = []
    if completion:
        verbs.append(("completed", {"completion": True}))
    if success:
        result: dict[str, Any] = {"success": success == "passed"}
        if scaled is not None:
            result["score"] = {"scaled": scaled}
        verbs.append((success, result))
    return verbs


def record_scorm_details(
    user, *, package, enrollment, module, sco_index: int, sco_title: str, attempt
) -> int:
    """Statements for the commit's interactions and objectives; returns how many
    were new."""
    cmi = attempt.cmi if isinstance(attempt.cmi, dict) else {}
    kind = package.kind
    language = xapi.content_language(module)
    context = _context(package, sco_index, sco_title, attempt, language)
    sco_id = package.sco_activity_id(sco_index)
    planned = []
    for index, raw in _items(cmi.get("interactions")):
        described = _interaction(raw, kind)
        if described is None:
            continue
        path, definition, result = described
        statement_id = _statement_id(
            attempt.pk, "interaction", index, path, result.get("response"), raw
        )
        planned.append(
            (statement_id, "responded", f"{sco_id}/interactions/{path}", definition)
            + (result, _text(raw.get("timestamp"), 64) or None)
        )
    for _index, raw in _items(cmi.get("objectives")):
        identifier = _text(raw.get("id"), 255).strip()
        if not identifier:
            continue
        definition = {"type": OBJECTIVE_TYPE}
        description = _text(raw.get("description"))
        if description:
            definition["description"] = {"und": description}
        object_id = f"{sco_id}/objectives/{quote(identifier, safe='')}"
        for verb_name, result in _objective_verbs(raw, kind):
            statement_id = _statement_id(attempt.pk, "objective", object_id, verb_name)
            planned.append(
                (statement_id, verb_name, object_id, definition, result, None)
            )
    known = set(
        Statement.objects.filter(pk__in=[item[0] for item in planned]).values_list(
            "pk", flat=True
        )
    )
    recorded = 0
    for statement_id, verb_name, object_id, definition, result, when in planned:
        if statement_id in known:
            continue
        xapi.record_statement(
            user=user,
            verb_name=verb_name,
            object_id=object_id[:1024],
            source=StatementSource.SCORM,
            result=result,
            enrollment=enrollment,
            package=package,
            timestamp=when,
            statement_id=statement_id,
            language=language,
            definition=definition,
            context_activities=context,
        )
        recorded += 1
    return recorded
