"""Attempts: a finished attempt is kept as it is, a new one starts anew.

SCORM: an attempt is finished when the SCO terminates with a finished status
(completed, passed, failed) without asking to be suspended, or when it was left
with such a status and an explicit exit. After that no commit changes it; the
learner reviews it or, while the block's limit allows, starts the next attempt.
The block's rule says which attempt's result the course uses: the best or the
last finished one.

H5P: "Try again" clears the saved state for a new attempt; the statements of
earlier attempts stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import H5PUserData, PackageKind, ScormAttempt, Statement

BEST = "best"
LAST = "last"
SCORM12_FINISHED = {"passed", "completed", "failed"}


class AttemptFinished(Exception):
    """A commit to an attempt that is finished: it is kept, nothing changes."""

    message = _(
        "This attempt is finished and its result is kept. Reload the page to "
        "review it or to start a new attempt."
    )


def has_finished_status(kind: str, attempt: ScormAttempt) -> bool:
    if kind == PackageKind.SCORM12:
        return attempt.completion_status in SCORM12_FINISHED
    return attempt.completion_status == "completed" or attempt.success_status in {
        "passed",
        "failed",
    }


def exit_value(attempt: ScormAttempt) -> str:
    cmi = attempt.cmi or {}
    return str(cmi.get("exit") or (cmi.get("core") or {}).get("exit") or "")


def finish_if_done(kind: str, attempt: ScormAttempt, *, terminated: bool) -> None:
    """Marks the attempt finished (not saved) when the SCO ended it: on the
    terminating commit with a finished status and no suspend; otherwise only
    with an explicit exit (a SCO left without terminating)."""
    if attempt.finished_at is not None or not has_finished_status(kind, attempt):
        return
    exit_ = exit_value(attempt)
    if exit_ == "suspend":
        return
    if terminated or exit_:
        attempt.finished_at = timezone.now()


def attempt_limit(placement, sco_index: int) -> int:
    """The stricter of the block's limit and the manifest's (SCORM 2004
    limitConditions attemptLimit); 0: none."""
    from .manifest import sco_data

    package = placement.package
    limits = [placement.max_attempts]
    if package.is_scorm and 0 <= sco_index < len(package.scos):
        limits.append(sco_data(package, package.scos[sco_index]).get("attempt_limit"))
    limits = [limit for limit in limits if limit]
    return min(limits) if limits else 0


def attempts_left(max_attempts: int, used: int) -> int | None:
    """None: no limit."""
    if not max_attempts:
        return None
    return max(0, max_attempts - used)


@dataclass
class Finished:
    """The learner's finished last attempt at a SCO, and what may follow."""

    last: ScormAttempt
    used: int
    left: int | None
    recorded: ScormAttempt | None
    rule: str

    @property
    def may_start_new(self) -> bool:
        return self.left is None or self.left > 0


def recorded(attempts: list, rule: str):
    """The attempt whose result counts, among one SCO's attempts (rows or dicts):
    the best scored (ties: the later), or the last finished one."""

    def get(attempt, name):
        return attempt[name] if isinstance(attempt, dict) else getattr(attempt, name)

    finished = [a for a in attempts if get(a, "finished_at") is not None]
    if rule == LAST:
        if not finished:
            # Nothing finished yet: the attempt in progress stands for now.
            return max(attempts, key=lambda a: get(a, "number"), default=None)
        return max(finished, key=lambda a: get(a, "number"))
    return max(
        attempts,
        key=lambda a: (
            bool(get(a, "is_satisfied")),
            get(a, "score_scaled") if get(a, "score_scaled") is not None else -2,
            get(a, "number"),
        ),
        default=None,
    )


def finished_state(user, placement, sco_index: int) -> Finished | None:
    """The finished last attempt and what the learner may do, or None when the
    last attempt is still open (or there is none)."""
    attempts = list(
        ScormAttempt.objects.filter(
            user=user, package=placement.package, sco_index=sco_index
        ).order_by("number")
    )
    if not attempts:
        return None
    last = attempts[-1]
    if last.finished_at is None:
        finish_if_done(placement.package.kind, last, terminated=False)
        if last.finished_at is None:
            return None
        last.save(update_fields=["finished_at"])
    return Finished(
        last=last,
        used=len(attempts),
        left=attempts_left(attempt_limit(placement, sco_index), len(attempts)),
        recorded=recorded(attempts, placement.attempt_rule),
        rule=placement.attempt_rule,
    )


def start_scorm_attempt(user, placement, sco_index: int) -> ScormAttempt:
    """A new attempt after a finished one, if the block allows another; the
    open attempt if there is one (a second click changes nothing)."""
    with transaction.atomic():
        state = finished_state(user, placement, sco_index)
        if state is None:
            last = (
                ScormAttempt.objects.filter(
                    user=user, package=placement.package, sco_index=sco_index
                )
                .order_by("-number")
                .first()
            )
            if last is not None:
                return last
            number = 1
        elif not state.may_start_new:
            raise PermissionDenied(_("You have used every attempt of this activity."))
        else:
            number = state.last.number + 1
        attempt, _created = ScormAttempt.objects.get_or_create(
            user=user,
            package=placement.package,
            sco_index=sco_index,
            number=number,
            defaults={"enrollment": placement.enrollment},
        )
    return attempt


def review_attempt(user, placement, sco_index: int, number: int) -> ScormAttempt:
    """One of the learner's own finished attempts, to review (nothing recorded)."""
    attempt = ScormAttempt.objects.filter(
        user=user,
        package=placement.package,
        sco_index=sco_index,
        number=number,
        finished_at__isnull=False,
    ).first()
    if attempt is None:
        raise PermissionDenied(_("This attempt cannot be reviewed."))
    return attempt


# --- H5P --------------------------------------------------------------------------


def h5p_attempt(user, package) -> tuple[int, object]:
    """The learner's current H5P attempt number and when it started (None: the
    first, from the beginning)."""
    row = (
        H5PUserData.objects.filter(user=user, package=package, data_type="state")
        .only("attempt", "attempt_started_at")
        .first()
    )
    return (row.attempt, row.attempt_started_at) if row else (1, None)


def h5p_finished(user, package, finished_verbs) -> bool:
    """The current attempt has a finished statement about the main activity."""
    _number, started = h5p_attempt(user, package)
    statements = Statement.objects.filter(
        user=user,
        package=package,
        object_id=package.activity_id,
        verb_id__in=finished_verbs,
        completion=True,
    )
    if started is not None:
        statements = statements.filter(stored_at__gte=started)
    return statements.exists()


def h5p_may_retry(user, placement, finished_verbs) -> bool:
    number, _started = h5p_attempt(user, placement.package)
    left = attempts_left(placement.max_attempts, number)
    return (left is None or left > 0) and h5p_finished(
        user, placement.package, finished_verbs
    )


def start_h5p_attempt(user, placement, finished_verbs) -> int:
    """Clears the saved state for a new attempt; earlier statements stay."""
    with transaction.atomic():
        if not h5p_may_retry(user, placement, finished_verbs):
            raise PermissionDenied(_("You cannot try this activity again."))
        row, _created = H5PUserData.objects.select_for_update().get_or_create(
            user=user,
            package=placement.package,
            data_type="state",
            sub_content_id="0",
        )
        row.attempt += 1
        row.attempt_started_at = timezone.now()
        row.data = ""
        row.save()
    return row.attempt
