"""Storing packages, checking access, and turning tracking data into progress.

Views, the Wagtail admin and tests call these functions; nothing here trusts a
user id or activity id sent by the browser.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from . import attempts, conf, manifest, xapi, xapi_scorm
from .models import (
    ContentPackage,
    H5PUserData,
    PackageKind,
    ScormAttempt,
    StatementSource,
)
from .validation import Inspection, inspect_package

BLOCK_TYPE = "content_package"
MAX_STATE_LENGTH = 1_000_000
MAX_CMI_LENGTH = 200_000
SCORM12_DONE = {"passed", "completed"}
SCORM_ATTEMPT_EXTENSION = "https://iq-lernplattform.de/xapi/extensions/scorm-attempt"


# --- Packages ---------------------------------------------------------------------


def store_package(
    upload: IO[bytes],
    *,
    filename: str,
    title: str = "",
    user=None,
    inspection: Inspection | None = None,
    collection=None,
) -> ContentPackage:
    """Validate (unless already done), extract privately and create the row.

    ``collection`` is the course team's collection the package belongs to (the
    root collection, for administrators only, when none is given).

    Extraction goes to a temporary folder renamed into place only when complete;
    any failure removes it and rolls the row back, so nothing is left behind.
    """
    inspection = inspection or inspect_package(upload, filename)
    package = ContentPackage(
        title=(title or inspection.title or filename)[:255],
        kind=inspection.kind,
        original_filename=filename[:255],
        identifier=inspection.identifier[:255],
        schema_version=inspection.schema_version[:64],
        launch_path=inspection.launch_path,
        scos=[sco.as_dict() for sco in inspection.scos],
        h5p_metadata=inspection.h5p_metadata,
        has_sequencing=inspection.has_sequencing,
        file_count=inspection.file_count,
        total_size=inspection.total_size,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if collection is not None:
        package.collection = collection
    root = conf.storage_root()
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".incoming-{package.token}"
    target = package.storage_path
    try:
        _extract(upload, staging)
        with transaction.atomic():
            package.save()
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if not ContentPackage.objects.filter(token=package.token).exists():
            shutil.rmtree(target, ignore_errors=True)
        raise
    return package


def _extract(upload: IO[bytes], destination: Path) -> None:
    """Write the members (already validated) under `destination`, and nowhere else."""
    upload.seek(0)
    destination.mkdir(parents=True)
    base = destination.resolve()
    with zipfile.ZipFile(upload) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            path = (base / PurePosixPath(info.filename)).resolve()
            if not path.is_relative_to(base):
                raise ValidationError(_("The package contains an unsafe path."))
            path.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(path, "xb") as target:
                shutil.copyfileobj(source, target, 64 * 1024)


def delete_package(package: ContentPackage) -> None:
    """Remove the row and its files; statements keep their copy of the activity."""
    path = package.storage_path
    with transaction.atomic():
        package.delete()
    shutil.rmtree(path, ignore_errors=True)


def package_file(package: ContentPackage, relative: str) -> Path:
    """The file at `relative` inside the package, or Http404."""
    base = package.storage_path.resolve()
    path = (base / relative).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        raise Http404
    return path


# --- Where a package is used, and who may see it -----------------------------------


@dataclass
class Placement:
    """A package block in a live module, and the viewer's relation to it."""

    module: object
    block_id: str
    package: ContentPackage
    title: str
    pass_mark_percent: int
    enrollment: object | None
    max_attempts: int = 0
    attempt_rule: str = "best"

    @property
    def pass_mark(self) -> float:
        return self.pass_mark_percent / 100


def package_blocks(module) -> list:
    return [block for block in module.body if block.block_type == BLOCK_TYPE]


def get_placement(user, module_id: int, block_id: str) -> Placement:
    """The package placed in a module for `user`: enrolled learners and staff only.

    Anyone else gets Http404 (not 403), so a probe learns nothing about packages.
    """
    from courses.models import ModulePage
    from courses.services import course_of, get_active_enrollment

    if not getattr(user, "is_authenticated", False):
        raise Http404
    module = ModulePage.objects.live().public().filter(pk=module_id).first()
    if module is None:
        raise Http404
    block = next((b for b in package_blocks(module) if b.id == block_id), None)
    if block is None or block.value.get("package") is None:
        raise Http404
    enrollment = get_active_enrollment(user, course_of(module))
    if enrollment is None and not user.is_staff:
        raise Http404
    return Placement(
        module=module,
        block_id=block_id,
        package=block.value["package"],
        title=block.value.get("title") or block.value["package"].title,
        pass_mark_percent=block.value.get("pass_mark_percent") or 0,
        enrollment=enrollment,
        max_attempts=block.value.get("max_attempts") or 0,
        attempt_rule=block.value.get("attempt_rule") or "best",
    )


def require_tracking(placement: Placement) -> None:
    """Only enrolled learners are tracked; staff previews record nothing."""
    if placement.enrollment is None:
        raise PermissionDenied(_("You are not enrolled in this course."))


# --- H5P --------------------------------------------------------------------------


def h5p_user_data(user, package: ContentPackage) -> list[dict]:
    """The saved resume state in the shape h5p-standalone's contentUserData expects."""
    rows = H5PUserData.objects.filter(user=user, package=package, data_type="state")
    return [
        {"dataType": row.data_type, "previousState": row.data, "subContentId": "*"}
        for row in rows
    ]


def _require_h5p(placement: Placement) -> None:
    """H5P data is kept for H5P packages only; anything else is not found."""
    if placement.package.kind != PackageKind.H5P:
        raise Http404


def save_h5p_state(user, placement: Placement, state: str) -> None:
    _require_h5p(placement)
    require_tracking(placement)
    if not isinstance(state, str) or len(state) > MAX_STATE_LENGTH:
        raise ValidationError(_("The saved state is too large or malformed."))
    if state:
        try:
            json.loads(state)
        except ValueError as exc:
            raise ValidationError(_("The saved state is not valid JSON.")) from exc
    H5PUserData.objects.update_or_create(
        user=user,
        package=placement.package,
        data_type="state",
        sub_content_id="0",
        defaults={"data": state},
    )


def record_h5p_statement(user, placement: Placement, statement: dict):
    """Check and store a statement from the H5P player; maybe complete the module.

    The actor, if sent, must be this learner's own account; the object must be
    this package's activity or one of its sub-contents. Anything else is refused.
    """
    _require_h5p(placement)
    require_tracking(placement)
    if not isinstance(statement, dict):
        raise ValidationError(_("The statement must be a JSON object."))
    expected_actor = xapi.actor_for(user)
    actor = statement.get("actor")
    if actor is not None and (
        not isinstance(actor, dict) or actor.get("account") != expected_actor["account"]
    ):
        raise PermissionDenied(_("The statement is about another learner."))
    package = placement.package
    target = statement.get("object") or {}
    object_id = target.get("id") if isinstance(target, dict) else None
    is_main = object_id == package.activity_id
    if not isinstance(object_id, str) or not (
        is_main or object_id.startswith(package.activity_id + "?subContentId=")
    ):
        raise PermissionDenied(_("The statement is about another activity."))
    verb_id = (statement.get("verb") or {}).get("id")
    verb_name = next((n for n, iri in xapi.VERBS.items() if iri == verb_id), None)
    if verb_name is None:
        raise ValidationError(_("This verb is not recorded."))
    # H5P's own definition (interaction type, choices, correct responses) and
    # language maps are kept as the content wrote them.
    definition = xapi.clean_definition(target.get("definition"))
    name = next(iter(definition.get("name", {}).values()), "")[:255]
    context = statement.get("context")
    statement_id = xapi.client_statement_id(statement.get("id"))
    # The statement and what it completes are stored together, or not at all.
    with transaction.atomic():
        known = xapi.known_statement(statement_id, user) if statement_id else None
        recorded = known or xapi.record_statement(
            user=user,
            verb_name=verb_name,
            object_id=object_id[:1024],
            object_name=name,
            activity_type="http://adlnet.gov/expapi/activities/cmi.interaction"
            if not is_main
            else "http://adlnet.gov/expapi/activities/assessment",
            source=StatementSource.H5P,
            result=statement.get("result"),
            enrollment=placement.enrollment,
            package=package,
            parent_ids=None if is_main else [package.activity_id],
            timestamp=statement.get("timestamp"),
            statement_id=statement_id,
            language=xapi.content_language(placement.module),
            definition=definition,
            context_activities=xapi.clean_context_activities(
                context.get("contextActivities") if isinstance(context, dict) else None
            ),
        )
        update_progress(user, placement)
    return recorded


# --- SCORM ------------------------------------------------------------------------


def sco_at(package: ContentPackage, index: int) -> dict:
    if not package.is_scorm or not 0 <= index < len(package.scos):
        raise Http404
    return package.scos[index]


def current_attempt(user, placement: Placement, sco_index: int) -> ScormAttempt | None:
    """The attempt to launch: the open one, or the first. None when the last
    attempt is finished: it is never resumed (see attempts.py), the learner
    reviews it or starts a new one."""
    require_tracking(placement)
    sco_at(placement.package, sco_index)
    if attempts.finished_state(user, placement, sco_index) is not None:
        return None
    return attempts.start_scorm_attempt(user, placement, sco_index)


def resume_data(package: ContentPackage, attempt: ScormAttempt | None) -> dict:
    """The cmi values to load into scorm-again before the SCO starts."""
    if attempt is None or not attempt.cmi:
        return {}
    if package.kind == PackageKind.SCORM12:
        core = {"lesson_location": attempt.location, "entry": "resume"}
        if attempt.completion_status:
            core["lesson_status"] = attempt.completion_status
        return {"core": core, "suspend_data": attempt.suspend_data}
    data = {
        "location": attempt.location,
        "suspend_data": attempt.suspend_data,
        "entry": "resume",
    }
    if attempt.completion_status:
        data["completion_status"] = attempt.completion_status
    if attempt.success_status:
        data["success_status"] = attempt.success_status
    return data


def _score_scaled(score: dict, kind: str) -> float | None:
    try:
        if kind == PackageKind.SCORM2004 and score.get("scaled") not in (None, ""):
            return max(-1.0, min(1.0, float(score["scaled"])))
        raw = score.get("raw")
        if raw in (None, ""):
            return None
        low = float(score.get("min") or 0)
        high = float(score.get("max") or 100)
        if high <= low:
            return None
        return max(-1.0, min(1.0, (float(raw) - low) / (high - low)))
    except (TypeError, ValueError):
        return None


def record_scorm_commit(
    user, placement: Placement, sco_index: int, number: int, payload: dict
) -> ScormAttempt:
    """Save a scorm-again commit for the learner's own attempt; map it to progress."""
    require_tracking(placement)
    package = placement.package
    sco = sco_at(package, sco_index)
    # The player marks the SCO's terminating commit (Terminate / LMSFinish).
    terminated = isinstance(payload, dict) and payload.get("iqTerminated") is True
    if isinstance(payload, dict) and isinstance(payload.get("runtimeData"), dict):
        payload = payload["runtimeData"]
    if not isinstance(payload, dict) or not isinstance(payload.get("cmi"), dict):
        raise ValidationError(_("The commit must contain cmi data."))
    if len(json.dumps(payload)) > MAX_CMI_LENGTH:
        raise ValidationError(_("The commit is too large."))
    cmi = payload["cmi"]
    with transaction.atomic():
        attempt = (
            ScormAttempt.objects.select_for_update()
            .filter(user=user, package=package, sco_index=sco_index, number=number)
            .first()
        )
        if attempt is None:
            raise Http404
        if attempt.finished_at is not None:
            raise attempts.AttemptFinished
        before = (attempt.completion_status, attempt.success_status)
        if package.kind == PackageKind.SCORM12:
            core = cmi.get("core") or {}
            status = str(core.get("lesson_status") or "")[:32]
            attempt.completion_status = status
            attempt.success_status = status if status in {"passed", "failed"} else ""
            attempt.location = str(core.get("lesson_location") or "")[:1000]
            attempt.score_scaled = _score_scaled(core.get("score") or {}, package.kind)
        else:
            attempt.completion_status = str(cmi.get("completion_status") or "")[:32]
            attempt.success_status = str(cmi.get("success_status") or "")[:32]
            attempt.location = str(cmi.get("location") or "")[:1000]
            attempt.score_scaled = _score_scaled(cmi.get("score") or {}, package.kind)
        is_12 = package.kind == PackageKind.SCORM12
        manifest.apply_outcome(is_12, manifest.sco_data(package, sco), attempt, cmi)
        if is_12:
            satisfied = attempt.completion_status in SCORM12_DONE
        else:
            satisfied = attempt.success_status == "passed" or (
                attempt.completion_status == "completed"
                and attempt.success_status != "failed"
            )
        attempt.suspend_data = str(cmi.get("suspend_data") or "")
        attempt.cmi = cmi
        attempt.is_satisfied = attempt.is_satisfied or satisfied
        attempt.enrollment = attempt.enrollment or placement.enrollment
        attempts.finish_if_done(package.kind, attempt, terminated=terminated)
        attempt.save()
        after = (attempt.completion_status, attempt.success_status)
        if after != before:
            _record_scorm_statements(user, placement, sco_index, sco, attempt, before)
        xapi_scorm.record_scorm_details(
            user,
            package=package,
            enrollment=placement.enrollment,
            module=placement.module,
            sco_index=sco_index,
            sco_title=sco.get("title", ""),
            attempt=attempt,
        )
        # In the same transaction: a stored result never lacks its completion.
        update_progress(user, placement)
    return attempt


def _record_scorm_statements(user, placement, sco_index, sco, attempt, before) -> None:
    """A statement for each status newly reached (completed, passed, failed)."""
    package = placement.package
    reached = []
    if attempt.completion_status in {"completed", "passed", "failed"} and (
        before[0] != attempt.completion_status
    ):
        reached.append("completed")
    if (
        attempt.success_status in {"passed", "failed"}
        and before[1] != attempt.success_status
    ):
        reached.append(attempt.success_status)
    if package.kind == PackageKind.SCORM12 and reached:
        reached = list(dict.fromkeys(reached))
    for verb_name in reached:
        result = {"completion": attempt.completion_status in {"completed", "passed"}}
        if attempt.success_status in {"passed", "failed"}:
            result["success"] = attempt.success_status == "passed"
        if attempt.score_scaled is not None:
            result["score"] = {"scaled": attempt.score_scaled}
        xapi.record_statement(
            user=user,
            verb_name=verb_name,
            object_id=package.sco_activity_id(sco_index),
            object_name=sco.get("title", ""),
            activity_type="http://adlnet.gov/expapi/activities/lesson",
            source=StatementSource.SCORM,
            result=result,
            enrollment=placement.enrollment,
            package=package,
            parent_ids=[package.activity_id],
            extensions={SCORM_ATTEMPT_EXTENSION: attempt.number},
        )


# --- Progress ---------------------------------------------------------------------


def update_progress(user, placement: Placement) -> bool:
    """A package result was stored: the completion pipeline recomputes the module
    (content_packages.completion says what the result counts for); True if the
    module is complete."""
    from courses.models import ModuleStatus
    from courses.services import record_changed

    return record_changed(user, placement.module).status == ModuleStatus.COMPLETED
