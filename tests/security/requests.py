"""How to call each project URL against the security world (method, arguments, data).

The expected answers live in test_permission_matrix.py; this module only knows
how to build a real request for every URL name, with ids from the world.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from certificates import badges
from tests.security.world import World


@dataclass(frozen=True)
class Call:
    method: str = "get"
    kwargs: Callable[[World], dict] = lambda w: {}
    data: Callable[[World], dict | str] | None = None
    query: str = ""
    content_type: str | None = None


def _bank(w: World) -> dict:
    from tests.security.matrix import bank_of

    return bank_of(w)


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
    "courses:module_seen": Call("post", lambda w: {"module_id": w.lesson.pk}),
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
    # the question bank: its own revision to revert to
    "wagtailsnippets_quizzes_bankquestion:revisions_revert": Call(
        kwargs=lambda w: {
            "pk": _bank(w)["question"].pk,
            "revision_id": _bank(w)["question"].latest_revision_id,
        }
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
    "certificates:badge_jwt_eddsa": Call(kwargs=lambda w: {"uuid": w.certificate.uuid}),
    "certificates:key": Call(
        kwargs=lambda w: {"thumbprint": badges.thumbprint("RS256")}
    ),
    "certificates:achievement": Call(
        kwargs=lambda w: {
            "course_key": w.certificate.course_key,
            "language": w.certificate.course.locale.language_code,
        }
    ),
    # content packages: the platform only launches (the rest is CONTENT_CALLS)
    "content_packages:launch": Call(kwargs=_player_args),
    "content_packages_xapi_backlog": Call(),
    # reports (learner side and admin)
    "reports:my_indicators": Call(),
    "reports:exit_questionnaire": Call(
        kwargs=lambda w: {
            "enrollment_id": w.users["learner"]
            .enrollments.get(course_key=w.course.translation_key)
            .pk
        }
    ),
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


# --- The content origin ---------------------------------------------------------
# Its URLs take the launch token the visitor's own launch of the block hands out
# (none for who cannot launch); the visitor's platform cookies are sent along and
# must count for nothing.

CONTENT_CALLS: dict[str, tuple[str, Call]] = {
    "content:player": ("h5p", Call()),
    "content:file": ("h5p", Call(kwargs=lambda w: {"path": "h5p.json"})),
    "content:h5p_statement": (
        "h5p",
        Call(
            "post",
            data=lambda w: json.dumps({"statement": h5p_statement(w)}),
            content_type="application/json",
        ),
    ),
    "content:h5p_state": (
        "h5p",
        Call("post", data=_json({"state": "{}"}), content_type="application/json"),
    ),
    "content:h5p_new_attempt": (
        "h5p",
        Call("post", data=_json({}), content_type="application/json"),
    ),
    "content:scorm_new_attempt": (
        "scorm",
        Call("post", lambda w: {"sco_index": 0}, data=lambda w: {}),
    ),
    "content:scorm_commit": (
        "scorm",
        Call(
            "post",
            lambda w: {"sco_index": 0, "attempt": 1},
            data=_json({"cmi": {"core": {"lesson_status": "incomplete"}}}),
            content_type="application/json",
        ),
    ),
}


def content_request(world: World, platform_client, name: str):
    """The request `name` on the content origin, as the visitor's browser sends it."""
    from django.urls import reverse

    from content_packages.content_views import content_path
    from tests.content_packages.content_client import ContentClient, token_from

    block, call = CONTENT_CALLS[name]
    block_id = world.h5p_block_id if block == "h5p" else world.scorm_block_id
    launched = platform_client.get(
        reverse("content_packages:launch", args=[world.lesson.pk, block_id])
    )
    token = token_from(launched) if launched.status_code == 302 else "no-launch"
    content = ContentClient()
    content.cookies = platform_client.cookies
    url = content_path(name.split(":", 1)[1], token, **call.kwargs(world))
    send = getattr(content, call.method)
    if call.content_type:
        return send(url, data=call.data(world), content_type=call.content_type)
    return send(url)
