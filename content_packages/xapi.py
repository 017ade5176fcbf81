"""xAPI 1.0.3 statements: building, checking client input, storing.

The platform is the statement's authority: the actor, the registration and the
stored timestamp always come from the server; a client may only contribute a
verb, a result and the id of the activity it was given.
"""

from __future__ import annotations

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
        "attempted",
        "completed",
        "experienced",
        "failed",
        "initialized",
        "interacted",
        "passed",
        "progressed",
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


def activity(object_id: str, name: str = "", activity_type: str = "") -> dict:
    definition: dict[str, Any] = {}
    if name:
        definition["name"] = {"und": name}
    if activity_type:
        definition["type"] = activity_type
    result = {"objectType": "Activity", "id": object_id}
    if definition:
        result["definition"] = definition
    return result


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
    if parent_ids:
        context["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": pid} for pid in parent_ids]
        }
    if extensions:
        context["extensions"] = extensions
    data = {
        "id": str(statement_id),
        "version": XAPI_VERSION,
        "actor": actor_for(user),
        "verb": verb(verb_name),
        "object": activity(object_id, object_name, activity_type),
        "context": context,
        "timestamp": when.isoformat(),
        "stored": now.isoformat(),
        "authority": {
            "objectType": "Agent",
            "account": {"homePage": conf.site_url(), "name": "iq-lernplattform"},
        },
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


# --- The platform's own events (called by courses.services) ------------------------


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
    )
