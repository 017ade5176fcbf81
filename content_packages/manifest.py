"""The SCORM data model a package's manifest declares per SCO (#14.1).

Read from the stored imsmanifest.xml when a SCO is launched (the package's
files never change, so the result is cached per package): what SCORM 1.2
(`adlcp:masteryscore`, `datafromlms`, `maxtimeallowed`, `timelimitaction`) and
SCORM 2004 (objectives of `imsss:sequencing`, the primary objective's
`minNormalizedMeasure` as scaled passing score, `adlcp:completionThreshold`,
`adlcp:dataFromLMS`, `imsss:limitConditions`) say, and which items are assets
(they never report, so they do not block the package's rollup). Sequencing
beyond this is not applied.
"""

from __future__ import annotations

from functools import lru_cache

from defusedxml import ElementTree as SafeET

from .models import ContentPackage


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _text(element, name: str) -> str:
    for child in element:
        if _local(child.tag).lower() == name.lower():
            return (child.text or "").strip()
    return ""


def _attribute(element, name: str) -> str:
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def _number(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _objectives(item) -> tuple[list[str], float | None]:
    """Objective ids (primary first) and the scaled passing score."""
    ids: list[str] = []
    passing = None
    for sequencing in _children(item, "sequencing"):
        for objectives in _children(sequencing, "objectives"):
            for objective in objectives:
                name = _local(objective.tag)
                if name not in {"primaryObjective", "objective"}:
                    continue
                objective_id = objective.get("objectiveID", "")
                if objective_id and objective_id not in ids:
                    ids.append(objective_id)
                if (
                    name == "primaryObjective"
                    and objective.get("satisfiedByMeasure", "").lower() == "true"
                ):
                    passing = _number(_text(objective, "minNormalizedMeasure") or "1")
    return ids, passing


def _attempt_limit(item) -> int:
    for sequencing in _children(item, "sequencing"):
        for limits in _children(sequencing, "limitConditions"):
            value = _number(limits.get("attemptLimit", ""))
            if value and value > 0:
                return int(value)
    return 0


def _completion_threshold(item) -> float | None:
    for child in item:
        if _local(child.tag) == "completionThreshold":
            # 2004 4th edition: an attribute; 3rd edition: the element's text.
            if child.get("minProgressMeasure"):
                return _number(child.get("minProgressMeasure"))
            return _number((child.text or "").strip())
    return None


def item_data(item, resource) -> dict:
    """The data model values of one item (with its resource, if any)."""
    ids, passing = _objectives(item)
    scorm_type = _attribute(resource, "scormtype") if resource is not None else ""
    return {
        "is_asset": (scorm_type or "sco").lower() == "asset",
        "mastery_score": _number(_text(item, "masteryscore")),
        "data_from_lms": _text(item, "datafromlms")[:4096],
        "max_time_allowed": _text(item, "maxtimeallowed")[:64],
        "time_limit_action": _text(item, "timelimitaction")[:64],
        "objective_ids": ids,
        "scaled_passing_score": passing,
        "completion_threshold": _completion_threshold(item),
        "attempt_limit": _attempt_limit(item),
    }


@lru_cache(maxsize=256)
def _by_identifier(token: str, path: str) -> dict[str, dict]:
    try:
        root = SafeET.parse(path).getroot()
    except Exception:  # the upload checked it; a missing file gives no data
        return {}
    resources = {
        resource.get("identifier", ""): resource
        for group in _children(root, "resources")
        for resource in _children(group, "resource")
    }
    found: dict[str, dict] = {}
    for element in root.iter():
        if _local(element.tag) == "item" and element.get("identifierref"):
            found[element.get("identifier", "")] = item_data(
                element, resources.get(element.get("identifierref"))
            )
    return found


def sco_data(package: ContentPackage, sco: dict) -> dict:
    """The manifest's data model of one of the package's SCOs ({} if none)."""
    path = package.storage_path / "imsmanifest.xml"
    return _by_identifier(package.token, str(path)).get(sco.get("identifier", ""), {})


def reporting_scos(package: ContentPackage) -> list[int]:
    """The indexes of the SCOs that report (assets left out); all, if none do."""
    indexes = [
        index
        for index, sco in enumerate(package.scos)
        if not sco_data(package, sco).get("is_asset")
    ]
    return indexes or list(range(len(package.scos)))


def preload(kind_12: bool, data: dict, cmi: dict) -> dict:
    """The manifest's values in the cmi loaded into scorm-again."""
    if kind_12:
        student = cmi.setdefault("student_data", {})
        if data.get("mastery_score") is not None:
            student["mastery_score"] = _score_text(data["mastery_score"])
        if data.get("max_time_allowed"):
            student["max_time_allowed"] = data["max_time_allowed"]
        if data.get("time_limit_action"):
            student["time_limit_action"] = data["time_limit_action"]
        if data.get("data_from_lms"):
            cmi["launch_data"] = data["data_from_lms"]
        return cmi
    if data.get("scaled_passing_score") is not None:
        cmi["scaled_passing_score"] = str(data["scaled_passing_score"])
    if data.get("completion_threshold") is not None:
        cmi["completion_threshold"] = str(data["completion_threshold"])
    if data.get("data_from_lms"):
        cmi["launch_data"] = data["data_from_lms"]
    if data.get("max_time_allowed"):
        cmi["max_time_allowed"] = data["max_time_allowed"]
    if data.get("time_limit_action"):
        cmi["time_limit_action"] = data["time_limit_action"]
    if data.get("objective_ids"):
        cmi["objectives"] = [{"id": objective} for objective in data["objective_ids"]]
    return cmi


def _score_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def apply_outcome(kind_12: bool, data: dict, attempt, cmi: dict) -> None:
    """The LMS's part of the outcome, as the run-time environment defines it:
    with a scaled passing score (2004) or mastery score (1.2) the reported score
    decides passed or failed; with a completion threshold the progress measure
    decides completed or incomplete."""
    if kind_12:
        mastery = data.get("mastery_score")
        raw = _number(((cmi.get("core") or {}).get("score") or {}).get("raw"))
        if (
            mastery is not None
            and raw is not None
            and attempt.completion_status in {"completed", "passed", "failed"}
        ):
            status = "passed" if raw >= mastery else "failed"
            attempt.completion_status = attempt.success_status = status
        return
    passing = data.get("scaled_passing_score")
    if passing is not None and attempt.score_scaled is not None:
        passed = attempt.score_scaled >= passing
        attempt.success_status = "passed" if passed else "failed"
    threshold = data.get("completion_threshold")
    progress = _number(cmi.get("progress_measure"))
    if threshold is not None and progress is not None:
        done = progress >= threshold
        attempt.completion_status = "completed" if done else "incomplete"
