"""What content packages contribute to module completion, registered with courses.

- The condition “each package completed / passed”, read from the stored xAPI
  statements (H5P) and SCORM attempts, as the module's trainer chose
  (courses.models.PackageRequirement).
- The steps that record the platform's own xAPI statements when a quiz is graded
  and when a module is completed (forwarding to an LRS is queued on commit).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from courses.completion import (
    ConditionState,
    ConditionType,
    Requirement,
    register_condition,
)
from courses.models import PackageRequirement
from courses.pipeline import Event, register_step

from . import attempts as attempts_rules
from . import manifest, xapi
from .models import ContentPackage, PackageKind, ScormAttempt, Statement

BLOCK_TYPE = "content_package"
H5P_FINISHED_VERBS = {xapi.VERBS["completed"], xapi.VERBS["answered"]}
# H5P content types without a result: they only ever report that the learner
# interacted (or experienced, progressed), so that is what completes them.
H5P_WITHOUT_RESULT = {
    "H5P.Accordion",
    "H5P.Agamotto",
    "H5P.Chart",
    "H5P.Collage",
    "H5P.Dialogcards",
    "H5P.ImageHotspots",
    "H5P.ImageSlider",
    "H5P.Timeline",
}
H5P_ACTIVITY_VERBS = H5P_FINISHED_VERBS | {
    xapi.VERBS[name] for name in ("interacted", "experienced", "progressed")
}
SCORM_FINISHED = {"completed", "passed", "failed"}


def _label(mode: str, title: str, mark: int) -> str:
    if mode == PackageRequirement.COMPLETED:
        return _("Complete “%(title)s”") % {"title": title}
    if mode == PackageRequirement.PASSED:
        return _("Pass “%(title)s”") % {"title": title}
    if mode == PackageRequirement.PASS_MARK and mark:
        return _("Reach at least %(mark)d %% in “%(title)s”") % {
            "mark": mark,
            "title": title,
        }
    if mode == PackageRequirement.PASS_MARK:
        return _("Complete “%(title)s”") % {"title": title}
    return _("Interactive content (optional): %(title)s") % {"title": title}


class PackagesDone(ConditionType):
    """One requirement per package block, as the module's trainer chose."""

    code = "package"

    def requirements(self, modules):
        placed = {m.translation_key: modules.blocks(m, BLOCK_TYPE) for m in modules}
        ids = {
            b["value"].get("package")
            for blocks in placed.values()
            for b in blocks
            if isinstance(b.get("value"), dict)
        }
        packages = ContentPackage.objects.in_bulk([pk for pk in ids if pk])
        planned = {}
        for module in modules:
            mode = module.completion_packages
            for block in placed[module.translation_key]:
                value = block.get("value") or {}
                package = packages.get(value.get("package"))
                if package is None:
                    continue
                mark = value.get("pass_mark_percent") or 0
                title = value.get("title") or package.title
                planned.setdefault(module.translation_key, []).append(
                    Requirement(
                        kind=self.code,
                        key=f"package:{block['id']}",
                        label=_label(mode, title, mark),
                        required=mode != PackageRequirement.NONE,
                        url=f"#block-{block['id']}",
                        params={
                            "mode": mode,
                            "mark": mark / 100,
                            "package": package.pk,
                            "kind": package.kind,
                            "activity": package.activity_id,
                            "scos": len(package.scos),
                            # Assets never report: they do not block the rollup.
                            "reporting": manifest.reporting_scos(package)
                            if package.is_scorm
                            else [],
                            "rule": value.get("attempt_rule") or "best",
                            "without_result": (package.h5p_metadata or {}).get(
                                "mainLibrary"
                            )
                            in H5P_WITHOUT_RESULT,
                        },
                    )
                )
        return planned

    def check(self, learner, wanted):
        requirements = [r for rs in wanted.values() for r in rs]
        h5p = [r for r in requirements if r.params["kind"] == PackageKind.H5P]
        scorm = [r for r in requirements if r.params["kind"] != PackageKind.H5P]
        statements: dict[int, list[dict]] = {}
        if h5p:
            for row in Statement.objects.filter(
                user_id=learner.user_id,
                package_id__in={r.params["package"] for r in h5p},
                object_id__in={r.params["activity"] for r in h5p},
                verb_id__in=H5P_ACTIVITY_VERBS,
            ).values(
                "package_id",
                "verb_id",
                "score_scaled",
                "success",
                "completion",
                "stored_at",
            ):
                statements.setdefault(row["package_id"], []).append(row)
        attempts: dict[int, list[dict]] = {}
        if scorm:
            for row in ScormAttempt.objects.filter(
                user_id=learner.user_id,
                package_id__in={r.params["package"] for r in scorm},
            ).values(
                "package_id",
                "sco_index",
                "completion_status",
                "success_status",
                "score_scaled",
                "is_satisfied",
                "number",
                "finished_at",
            ):
                attempts.setdefault(row["package_id"], []).append(row)
        states = {}
        for key, module_requirements in wanted.items():
            for requirement in module_requirements:
                params = requirement.params
                if params["kind"] == PackageKind.H5P:
                    met = h5p_met(params, statements.get(params["package"], []))
                else:
                    met = scorm_met(params, attempts.get(params["package"], []))
                states[(key, requirement.key)] = ConditionState(requirement, met=met)
        return states


def h5p_met(params: dict, statements: list[dict]) -> bool:
    """Statements about the package's main activity, under the trainer's rule.

    Finished: a completed/answered statement with completion. Passed by the
    package's own mark: finished with success (or no verdict at all). The
    block's pass mark: finished with at least that scaled score (0: finished).
    Content without a result counts once the learner interacted with it.
    Under the "last" rule only the last finished statement counts (an earlier
    pass does not outweigh a later failed attempt), as for SCORM.
    """
    if params["without_result"]:
        return bool(statements)
    finished = [
        s for s in statements if s["verb_id"] in H5P_FINISHED_VERBS and s["completion"]
    ]
    if params.get("rule") == attempts_rules.LAST and finished:
        finished = [max(finished, key=lambda s: s["stored_at"])]
    mode = params["mode"]
    if mode == PackageRequirement.COMPLETED:
        return bool(finished)
    if mode == PackageRequirement.PASSED:
        return any(s["success"] is not False for s in finished)
    mark = params["mark"]
    return any(
        mark <= 0 or (s["score_scaled"] is not None and s["score_scaled"] >= mark)
        for s in finished
    )


def scorm_met(params: dict, attempts: list[dict]) -> bool:
    """Every SCO of the package done, under the trainer's rules: in any attempt
    (the best counts) or in the last finished one.

    Completed: a finishing status. Passed by the package's own rule: passed, or
    completed without a failed verdict. The block's pass mark: a reported score
    of at least the mark on a finished attempt; without a score, the package's
    own verdict.
    """
    mode = params["mode"]
    if params.get("rule") == attempts_rules.LAST:
        # Only the last finished attempt of each SCO counts (an attempt in
        # progress stands until one is finished).
        by_sco: dict[int, list[dict]] = {}
        for attempt in attempts:
            by_sco.setdefault(attempt["sco_index"], []).append(attempt)
        attempts = [
            attempts_rules.recorded(rows, attempts_rules.LAST)
            for rows in by_sco.values()
        ]
    done = set()
    for attempt in attempts:
        finished = attempt["completion_status"] in SCORM_FINISHED
        if mode == PackageRequirement.COMPLETED:
            counts = finished
        elif (
            mode == PackageRequirement.PASS_MARK and attempt["score_scaled"] is not None
        ):
            counts = finished and attempt["score_scaled"] >= params["mark"]
        else:
            counts = attempt["is_satisfied"]
        if counts:
            done.add(attempt["sco_index"])
    reporting = set(params.get("reporting") or range(params["scos"]))
    return bool(reporting) and reporting <= done


PACKAGES = register_condition(PackagesDone(), order=100)


# --- The platform's own statements ----------------------------------------------------


@register_step(
    Event.QUIZ_GRADED,
    "content_packages: xAPI statement of the graded quiz",
    order=100,
    after_commit=True,  # a record of the grade: outside the learner's transaction
)
def record_quiz_statement(change) -> None:
    xapi.record_quiz_graded(
        change.enrollment.user,
        change.module,
        change.enrollment,
        passed=change.passed,
        score_percent=change.score_percent,
    )


@register_step(
    Event.MODULE_COMPLETED,
    "content_packages: xAPI statement of the completion",
    order=100,
    after_commit=True,
)
def record_completion_statement(change) -> None:
    xapi.record_module_completed(
        change.enrollment.user, change.module, change.enrollment
    )
