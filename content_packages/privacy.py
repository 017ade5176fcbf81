"""GDPR: what H5P and SCORM content recorded about a learner.

Erasure deletes the saved player state, SCORM runtime data (it holds the
learner's name and free text) and the raw xAPI statements; each statement's
verb, activity, score and success flags stay for the anonymous statistics, as do
the SCORM attempts' completion and success status.
"""

from .models import H5PUserData, LearnerIdentity, ScormAttempt, Statement

HOLDS_PERSONAL_DATA = {
    "content_packages.LearnerIdentity": "deleted on erasure",
    "content_packages.H5PUserData": "deleted on erasure",
    "content_packages.ScormAttempt": "runtime data blanked on erasure",
    "content_packages.Statement": "raw statement blanked on erasure",
}
NO_PERSONAL_DATA = {"content_packages.ContentPackage": "uploaded course content"}


def export_personal_data(user) -> dict:
    identity = LearnerIdentity.objects.filter(user=user).first()
    return {
        "xapi_account": str(identity.account_name) if identity else None,
        "statements": [
            {
                "package": statement.package.title if statement.package else None,
                "verb": statement.verb_id,
                "activity": statement.object_id,
                "timestamp": statement.timestamp,
                "score_scaled": statement.score_scaled,
                "success": statement.success,
                "completion": statement.completion,
                "statement": statement.data,
            }
            for statement in Statement.objects.filter(user=user).select_related(
                "package"
            )
        ],
        "h5p_state": [
            {
                "package": item.package.title,
                "data_type": item.data_type,
                "data": item.data,
                "updated_at": item.updated_at,
            }
            for item in H5PUserData.objects.filter(user=user).select_related("package")
        ],
        "scorm_attempts": [
            {
                "package": attempt.package.title,
                "sco_index": attempt.sco_index,
                "number": attempt.number,
                "completion_status": attempt.completion_status,
                "success_status": attempt.success_status,
                "score_scaled": attempt.score_scaled,
                "cmi": attempt.cmi,
                "suspend_data": attempt.suspend_data,
                "started_at": attempt.started_at,
                "updated_at": attempt.updated_at,
            }
            for attempt in ScormAttempt.objects.filter(user=user).select_related(
                "package"
            )
        ],
    }


def erase_personal_data(user) -> None:
    H5PUserData.objects.filter(user=user).delete()
    ScormAttempt.objects.filter(user=user).update(cmi={}, suspend_data="", location="")
    Statement.objects.filter(user=user).update(data={})
    LearnerIdentity.objects.filter(user=user).delete()
