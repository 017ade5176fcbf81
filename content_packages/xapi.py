"""xAPI 1.0.3 statements: building, checking client input, storing.

The server decides the actor, the registration and the timestamp's upper
bound; a client (the H5P player) may contribute a verb, a result, the definition
of the activity it was given (H5P's interaction details) and context activities.
Statements are stored and forwarded as a client sends them to an LRS: without
`stored`, and with `authority` only where the operator configured one.
"""

from __future__ import annotations

import json
import math
import uuid
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import LearnerIdentity, Statement

XAPI_VERSION = "1.0.3"
ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    name: ADL + name
    for name in (
        "answered",
        "attended",
        "attempted",
        "completed",
        "experienced",
        "failed",
        "initialized",
        "interacted",
        "passed",
        "progressed",
        "responded",
        "scored",
        "suspended",
        "terminated",
    )
}
# Enrolments have integer keys; registrations are UUIDs derived from them.
REGISTRATION_NAMESPACE = uuid.UUID("6f1d2b1e-3c5a-4f0e-9a57-1b9e8c2d7a40")
MAX_RESPONSE_LENGTH = 4000


def verb(name: str) -> dict:
    return {"id": VERBS[name], "display": {"en-US": name}}


def actor_for(user) -> dict:
    """The learner as an account on this platform, identified by an opaque id."""
    identity, _created = LearnerIdentity.objects.get_or_create(user=user)
    return {
        "objectType": "Agent",
        "account": {"homePage": conf.site_url(), "name": str(identity.account_name)},
    }


def registration_for(enrollment) -> str | None:
    if enrollment is None:
        return None
    return str(uuid.uuid5(REGISTRATION_NAMESPACE, f"enrollment:{enrollment.pk}"))


def activity(
    object_id: str,
    name: str = "",
    activity_type: str = "",
    *,
    language: str = "",
    definition: dict | None = None,
) -> dict:
    """An Activity; its name is a language map in the content's language."""
    cleaned: dict[str, Any] = dict(definition or {})
    if name and "name" not in cleaned:
        cleaned["name"] = {language or "und": name}
    if activity_type and "type" not in cleaned:
        cleaned["type"] = activity_type
    result = {"objectType": "Activity", "id": object_id}
    if cleaned:
        result["definition"] = cleaned
    return result


# --- What a client may contribute (H5P sends full statements) ----------------------

INTERACTION_TYPES = {
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")
MAX_COMPONENTS = 200
MAX_TEXT = 4000
MAX_EXTENSIONS_LENGTH = 20_000


def _is_iri(value: Any) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 1024
        and ":" in value
        and not any(c.isspace() for c in value)
    )


def clean_language_map(raw: Any) -> dict[str, str]:
    """A language map: language tags to strings; anything else is dropped."""
    if not isinstance(raw, dict):
        return {}
    return {
        tag: text[:MAX_TEXT]
        for tag, text in raw.items()
        if isinstance(tag, str)
        and 0 < len(tag) <= 35
        and tag.replace("-", "").isalnum()
        and isinstance(text, str)
        and text
    }


def clean_extensions(raw: Any) -> dict:
    if not isinstance(raw, dict):
        return {}
    kept = {key: value for key, value in raw.items() if _is_iri(key)}
    if len(json.dumps(kept, default=str)) > MAX_EXTENSIONS_LENGTH:
        return {}
    return kept


def _components(raw: Any) -> list[dict]:
    components = []
    seen = set()
    for item in raw if isinstance(raw, list) else []:
        identifier = item.get("id") if isinstance(item, dict) else None
        if (
            not isinstance(identifier, str)
            or not identifier
            or any(c.isspace() for c in identifier)
            or identifier in seen
        ):
            continue
        seen.add(identifier)
        component = {"id": identifier[:255]}
        description = clean_language_map(item.get("description"))
        if description:
            component["description"] = description
        components.append(component)
    return components[:MAX_COMPONENTS]


def clean_definition(raw: Any) -> dict:
    """Keep an activity definition's xAPI 1.0.3 properties, with valid values.

    H5P describes each question here (interaction type, choices, correct
    responses); an LRS needs them to make sense of the learner's response.
    """
    if not isinstance(raw, dict):
        return {}
    definition: dict[str, Any] = {}
    for key in ("name", "description"):
        language_map = clean_language_map(raw.get(key))
        if language_map:
            definition[key] = language_map
    if _is_iri(raw.get("type")):
        definition["type"] = raw["type"]
    if _is_iri(raw.get("moreInfo")):
        definition["moreInfo"] = raw["moreInfo"]
    extensions = clean_extensions(raw.get("extensions"))
    if extensions:
        definition["extensions"] = extensions
    if raw.get("interactionType") in INTERACTION_TYPES:
        definition["interactionType"] = raw["interactionType"]
        patterns = raw.get("correctResponsesPattern")
        if isinstance(patterns, list) and all(isinstance(p, str) for p in patterns):
            definition["correctResponsesPattern"] = [
                p[:MAX_TEXT] for p in patterns if p
            ][:MAX_COMPONENTS]
            if not definition["correctResponsesPattern"]:
                del definition["correctResponsesPattern"]
        for key in COMPONENT_LISTS:
            components = _components(raw.get(key))
            if components:
                definition[key] = components
    return definition


def clean_context_activities(raw: Any) -> dict[str, list[dict]]:
    """A client's parent, grouping, category and other activities (ids it names)."""
    if not isinstance(raw, dict):
        return {}
    cleaned: dict[str, list[dict]] = {}
    for key in ("parent", "grouping", "category", "other"):
        items = raw.get(key)
        items = [items] if isinstance(items, dict) else items
        kept = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _is_iri(item.get("id")):
                entry: dict[str, Any] = {"objectType": "Activity", "id": item["id"]}
                definition = clean_definition(item.get("definition"))
                if definition:
                    entry["definition"] = definition
                kept.append(entry)
        if kept:
            cleaned[key] = kept[:20]
    return cleaned


def clean_result(raw: Any) -> dict:
    """Keep the parts of a client's `result` that xAPI defines, with valid values."""
    if raw in (None, {}):
        return {}
    if not isinstance(raw, dict):
        raise ValidationError(_("The result must be an object."), code="bad_result")
    result: dict[str, Any] = {}
    score = raw.get("score")
    if score is not None:
        if not isinstance(score, dict):
            raise ValidationError(_("The score must be an object."), code="bad_result")
        cleaned = {}
        for key in ("scaled", "raw", "min", "max"):
            value = score.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(
                    _("The score must be a number."), code="bad_score"
                )
            if not math.isfinite(value):
                raise ValidationError(
                    _("The score must be a number."), code="bad_score"
                )
            cleaned[key] = value
        scaled = cleaned.get("scaled")
        if scaled is not None and not -1 <= scaled <= 1:
            raise ValidationError(
                _("The scaled score must lie between -1 and 1."), code="bad_score"
            )
        if cleaned:
            result["score"] = cleaned
    for key in ("success", "completion"):
        if key in raw and raw[key] is not None:
            if not isinstance(raw[key], bool):
                raise ValidationError(
                    _("“%(key)s” must be true or false.") % {"key": key},
                    code="bad_result",
                )
            result[key] = raw[key]
    if isinstance(raw.get("response"), str):
        result["response"] = raw["response"][:MAX_RESPONSE_LENGTH]
    if isinstance(raw.get("duration"), str) and len(raw["duration"]) < 64:
        result["duration"] = raw["duration"]
    extensions = clean_extensions(raw.get("extensions"))
    if extensions:
        result["extensions"] = extensions
    return result


def _as_timestamp(value) -> datetime:
    if isinstance(value, datetime):
        return value
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return timezone.now()
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, UTC)
    # A client's clock is not trusted into the future.
    return min(parsed, timezone.now())


def client_statement_id(value) -> uuid.UUID | None:
    """A statement id sent by the player (xAPI: a UUID), or None if it sent none.

    With an id, a statement sent again (a retried request) is stored once.
    """
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise ValidationError(
            _("The statement id must be a UUID."), code="bad_id"
        ) from exc


def known_statement(statement_id: uuid.UUID, user) -> Statement | None:
    """The stored statement with this id; another learner's id is refused."""
    existing = Statement.objects.filter(pk=statement_id).first()
    if existing is not None and existing.user_id != user.pk:
        raise PermissionDenied(_("This statement id belongs to another statement."))
    return existing


def record_statement(
    *,
    user,
    verb_name: str,
    object_id: str,
    source: str,
    object_name: str = "",
    activity_type: str = "",
    result: dict | None = None,
    enrollment=None,
    package=None,
    parent_ids: list[str] | None = None,
    extensions: dict | None = None,
    timestamp=None,
    statement_id: uuid.UUID | None = None,
    language: str = "",
    definition: dict | None = None,
    context_activities: dict | None = None,
) -> Statement:
    """Store one statement for `user` and queue it for the external LRS, if any.

    Callers: H5P and SCORM tracking here, and the quizzes / courses services for
    quiz submissions and module completions.
    """
    client_id = statement_id is not None
    statement_id = statement_id or uuid.uuid4()
    now = timezone.now()
    when = _as_timestamp(timestamp) if timestamp else now
    result = clean_result(result or {})
    context: dict[str, Any] = {"platform": "IQ Lernplattform"}
    registration = registration_for(enrollment)
    if registration:
        context["registration"] = registration
    if language:
        context["language"] = language
    activities = {key: list(items) for key, items in (context_activities or {}).items()}
    if parent_ids:
        known_parents = {item["id"] for item in activities.get("parent", [])}
        activities["parent"] = [
            {"objectType": "Activity", "id": pid}
            for pid in parent_ids
            if pid not in known_parents
        ] + activities.get("parent", [])
    if activities:
        context["contextActivities"] = activities
    if extensions:
        context["extensions"] = extensions
    # As a client sends it: `stored` and `authority` are the LRS's to set.
    data = {
        "id": str(statement_id),
        "version": XAPI_VERSION,
        "actor": actor_for(user),
        "verb": verb(verb_name),
        "object": activity(
            object_id,
            object_name,
            activity_type,
            language=language,
            definition=definition,
        ),
        "context": context,
        "timestamp": when.isoformat(),
    }
    if result:
        data["result"] = result
    score = result.get("score", {})
    row = {
        "id": statement_id,
        "user": user,
        "enrollment": enrollment,
        "package": package,
        "source": source,
        "verb_id": VERBS[verb_name],
        "object_id": object_id,
        "score_scaled": score.get("scaled"),
        "success": result.get("success"),
        "completion": result.get("completion"),
        "timestamp": when,
        "data": data,
    }
    if not client_id:
        statement = Statement.objects.create(**row)
    else:
        try:
            with transaction.atomic():
                statement = Statement.objects.create(**row)
        except IntegrityError:
            # The same client statement arrived twice at once: the first stays.
            existing = known_statement(statement_id, user)
            if existing is None:
                raise
            return existing
    if conf.lrs_endpoint():
        from .tasks import forward_statement

        transaction.on_commit(lambda: forward_statement.enqueue(str(statement_id)))
    return statement


def forwarded_body(statement: Statement) -> dict:
    """The statement as sent to the external LRS (xAPI 1.0.3, a client's view).

    `stored` is always the LRS's; `authority` only goes along if the operator
    configured one (`XAPI_LRS_AUTHORITY`), else the LRS takes its credentials'.
    Rows stored before this rule may still carry both: they are dropped here.
    """
    body = {
        key: value
        for key, value in statement.data.items()
        if key not in ("stored", "authority")
    }
    authority = conf.lrs_authority()
    if authority:
        body["authority"] = authority
    return body


# --- The platform's own events (called by courses.services) ------------------------


def content_language(page) -> str:
    """The language a page's content is written in (its Wagtail locale)."""
    locale = getattr(page, "locale", None)
    return getattr(locale, "language_code", "") or ""


def module_activity_id(module) -> str:
    """A module's activity id: stable across its language versions and revisions."""
    return f"{conf.site_url()}/xapi/activities/module/{module.translation_key}"


def record_module_completed(user, module, enrollment) -> Statement:
    """A learner completed a module (by reading, its packages or its quiz)."""
    from .models import StatementSource

    return record_statement(
        user=user,
        verb_name="completed",
        object_id=module_activity_id(module),
        object_name=module.title,
        activity_type="http://adlnet.gov/expapi/activities/module",
        source=StatementSource.MODULE,
        result={"completion": True},
        enrollment=enrollment,
        language=content_language(module),
    )


def record_quiz_graded(user, module, enrollment, *, passed: bool, score_percent):
    """A quiz attempt was graded on the server: passed or failed, with its score."""
    from .models import StatementSource

    result: dict[str, Any] = {"completion": True, "success": bool(passed)}
    if score_percent is not None:
        result["score"] = {"scaled": max(0.0, min(1.0, float(score_percent) / 100))}
    return record_statement(
        user=user,
        verb_name="passed" if passed else "failed",
        object_id=f"{module_activity_id(module)}/quiz",
        object_name=module.title,
        activity_type="http://adlnet.gov/expapi/activities/assessment",
        source=StatementSource.QUIZ,
        result=result,
        enrollment=enrollment,
        parent_ids=[module_activity_id(module)],
        language=content_language(module),
    )
