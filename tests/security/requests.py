"""How to call each project URL against the security world (method, arguments, data).

The expected answers live in test_permission_matrix.py; this module only knows
how to build a real request for every URL name, with ids from the world.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from tests.security.world import World


@dataclass(frozen=True)
class Call:
    method: str = "get"
    kwargs: Callable[[World], dict] = lambda w: {}
    data: Callable[[World], dict | str] | None = None
    query: str = ""
    content_type: str | None = None


def _json(body: dict) -> Callable[[World], str]:
    return lambda w: json.dumps(body)


def _pk(attr: str) -> Callable[[World], dict]:
    return lambda w: {"pk": getattr(w, attr).pk}


def h5p_statement(w: World) -> dict:
    """A statement as the H5P player sends it: this package, a known verb."""
    from content_packages import xapi

    return {
        "verb": {"id": xapi.VERBS["answered"]},
        "object": {"id": w.h5p_package.activity_id},
        "result": {"score": {"raw": 1, "max": 1, "scaled": 1}, "success": True},
    }


def _player_args(w: World) -> dict:
    return {"module_id": w.lesson.pk, "block_id": w.h5p_block_id}


CALLS: dict[str, Call] = {
    "healthz": Call(),
    "admin_login": Call(),
    # accounts
    "accounts:my_learning": Call(),
    "accounts:profile": Call(),
    "accounts:my_data": Call(),
    "accounts:my_data_json": Call(),
    "accounts:my_data_summary": Call(),
    "accounts:delete_account": Call(),
    # courses
    "courses:enrol": Call("post", lambda w: {"course_id": w.course.pk}),
    "courses:unenrol": Call("post", lambda w: {"course_id": w.course.pk}),
    "courses:index": Call(),
    "courses:enrol_with_code": Call(),
    "courses:complete_module": Call("post", lambda w: {"module_id": w.lesson.pk}),
    "courses:save_reflection": Call(
        "post",
        lambda w: {"module_id": w.lesson.pk, "block_id": w.reflection_block_id},
        data=lambda w: {"text": "Überschrieben?"},
    ),
    # quizzes
    "quizzes:start": Call("post", lambda w: {"quiz_id": w.quiz.pk}),
    "quizzes:attempt": Call(kwargs=lambda w: {"public_id": w.open_attempt.public_id}),
    "quizzes:save_draft": Call(
        "post", lambda w: {"public_id": w.open_attempt.public_id}, data=lambda w: {}
    ),
    "quizzes:result": Call(
        kwargs=lambda w: {"public_id": w.submitted_attempt.public_id}
    ),
    # certificates
    "certificates:verify_form": Call(),
    "certificates:verify": Call(kwargs=lambda w: {"code": w.certificate.display_code}),
    "certificates:verify_pdf": Call(
        kwargs=lambda w: {"code": w.certificate.display_code}
    ),
    "certificates:mine": Call(),
    "certificates:issuer": Call(),
    "certificates:jwks": Call(),
    "certificates:revocation_list": Call(),
    "certificates:pdf": Call(kwargs=lambda w: {"uuid": w.certificate.uuid}),
    "certificates:badge_jwt": Call(kwargs=lambda w: {"uuid": w.certificate.uuid}),
    "certificates:badge_json": Call(kwargs=lambda w: {"uuid": w.certificate.uuid}),
    # content packages
    "content_packages:player": Call(kwargs=_player_args),
    "content_packages:file": Call(
        kwargs=lambda w: {
            **_player_args(w),
            "token": w.h5p_package.token,
            "path": "h5p.json",
        }
    ),
    "content_packages:h5p_statement": Call(
        "post",
        _player_args,
        data=lambda w: json.dumps({"statement": h5p_statement(w)}),
        content_type="application/json",
    ),
    "content_packages:h5p_state": Call(
        "post",
        _player_args,
        data=_json({"state": "{}"}),
        content_type="application/json",
    ),
    "content_packages:scorm_commit": Call(
        "post",
        lambda w: {
            "module_id": w.lesson.pk,
            "block_id": w.scorm_block_id,
            "sco_index": 0,
            "attempt": 1,
        },
        data=_json({"cmi": {"core": {"lesson_status": "incomplete"}}}),
        content_type="application/json",
    ),
    # reports (learner side and admin)
    "reports:my_indicators": Call(),
    "reports_admin:dashboard": Call(),
    "reports_admin:esf": Call(),
    "reports_admin:quizzes": Call(),
    "reports_admin:people": Call(),
    "reports_admin:export_people": Call(kwargs=lambda w: {"export_format": "csv"}),
    "reports_admin:export_table": Call(
        kwargs=lambda w: {
            "report": "dashboard",
            "table": "by_course",
            "export_format": "csv",
        }
    ),
    "reports_admin:jobs": Call(),
    "reports_admin:job": Call(kwargs=lambda w: {"job_id": w.export_job.pk}),
    "reports_admin:job_status": Call(kwargs=lambda w: {"job_id": w.export_job.pk}),
    "reports_admin:job_download": Call(kwargs=lambda w: {"job_id": w.export_job.pk}),
    # courses admin
    "courses_enrol_learners:enrol": Call(),
    # certificates admin (own views beside the generic viewset)
    "certificates_admin:revoke": Call(kwargs=_pk("certificate")),
    "certificates_admin:reissue": Call(kwargs=_pk("certificate")),
    "certificates_admin:issue": Call(),
    "certificates_admin:groups": Call(),
    "certificates_admin:group": Call(kwargs=_pk("group")),
    "certificates_admin:archive_download": Call(kwargs=_pk("archive")),
}

# Wagtail's generic admin views for the project's models: list, add, edit, ...
# Every action is called with the world's object where it takes a pk.
GENERIC_ACTIONS_WITHOUT_PK = {
    "index",
    "index_results",
    "list",
    "list_results",
    "add",
    "choose",
    "choose_results",
    "chosen_multiple",
    "create",
}


def generic_call(action: str, pk_of: Callable[[World], int]) -> Call:
    if action in GENERIC_ACTIONS_WITHOUT_PK:
        return Call()
    if action == "revisions_compare":
        return Call(
            kwargs=lambda w: {
                "pk": pk_of(w),
                "revision_id_a": "earliest",
                "revision_id_b": "latest",
            }
        )
    if action == "revisions_revert":
        return Call(
            kwargs=lambda w: {
                "pk": pk_of(w),
                "revision_id": w.template.latest_revision_id,
            }
        )
    return Call(kwargs=lambda w: {"pk": pk_of(w)})
