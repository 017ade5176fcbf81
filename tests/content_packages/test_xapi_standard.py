"""xAPI 1.0.3 as an outside LRS sees it: statements checked by an independent
implementation (Ralph's pydantic xAPI models, `ralph-malph` on PyPI), forwarded to
a real HTTP server on a free port (tests/content_packages/test_lrs_forwarding.py)."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from ralph.models.xapi.base.statements import BaseXapiStatement
from wagtail.models import Locale

from content_packages import xapi
from content_packages.admin_backlog import backlog_for
from content_packages.models import Statement, StatementSource
from content_packages.tasks import forward_now, forward_statement
from courses.services import complete_module
from tests.content_packages.conftest import place_package, store_sample
from tests.content_packages.content_client import ContentClient, launch
from tests.content_packages.test_lrs_forwarding import lrs  # noqa: F401 - fixture
from tests.content_packages.tracking import track, urls
from tests.factories import make_team, translate_tree

pytestmark = pytest.mark.django_db
RESPONDED = xapi.VERBS["responded"]
SCORM_PROFILE = "https://w3id.org/xapi/scorm"


def valid_xapi(data: dict) -> BaseXapiStatement:
    """Ralph raises on anything xAPI 1.0.3 does not allow (empty values, bad IRIs,
    unknown properties, a wrong interaction definition)."""
    return BaseXapiStatement.model_validate(data)


def h5p_multichoice(package, user) -> dict:
    """A statement as H5P.MultiChoice sends it for a question inside a package."""
    sub = f"{package.activity_id}?subContentId=5a1c"
    return {
        "actor": xapi.actor_for(user),
        "verb": {"id": xapi.VERBS["answered"], "display": {"en-US": "answered"}},
        "object": {
            "id": sub,
            "objectType": "Activity",
            "definition": {
                "extensions": {"http://h5p.org/x-api/h5p-local-content-id": 1},
                "name": {"en-US": "Which colours are primary?"},
                "description": {"en-US": "<p>Which colours are primary?</p>\n"},
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "interactionType": "choice",
                "correctResponsesPattern": ["0[,]2"],
                "choices": [
                    {"id": "0", "description": {"en-US": "Red\n"}},
                    {"id": "1", "description": {"en-US": "Green\n"}},
                    {"id": "2", "description": {"en-US": "Blue\n"}},
                ],
            },
        },
        "context": {
            "contextActivities": {
                "parent": [{"id": package.activity_id, "objectType": "Activity"}],
                "category": [
                    {
                        "id": "http://h5p.org/libraries/H5P.MultiChoice-1.16",
                        "objectType": "Activity",
                    }
                ],
            },
            "extensions": {"http://id.tincanapi.com/extension/ending-point": 1},
        },
        "result": {
            "score": {"min": 0, "max": 2, "raw": 2, "scaled": 1},
            "completion": True,
            "success": True,
            "duration": "PT3.52S",
            "response": "0[,]2",
        },
    }


def test_h5p_interaction_is_kept_whole_and_forwarded_as_a_client_sends_it(
    lrs,  # noqa: F811
    client,
    enrolled,
    module,
    h5p,
    django_capture_on_commit_callbacks,
):
    package, block_id = h5p
    lrs.accept = True
    with django_capture_on_commit_callbacks(execute=True):
        status, body = track(
            urls(launch(client, module, block_id))["statement"],
            {"statement": h5p_multichoice(package, enrolled)},
        )
    assert status == 200, body

    (sent,) = [received["statement"] for received in lrs.received]
    valid_xapi(sent)
    # The LRS sets these; a client must not send them.
    assert "stored" not in sent and "authority" not in sent
    definition = sent["object"]["definition"]
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"] == ["0[,]2"]
    assert [choice["id"] for choice in definition["choices"]] == ["0", "1", "2"]
    # The content's own language maps, not re-labelled "und".
    assert definition["name"] == {"en-US": "Which colours are primary?"}
    assert definition["choices"][2]["description"] == {"en-US": "Blue\n"}
    assert sent["result"]["response"] == "0[,]2"
    assert sent["result"]["duration"] == "PT3.52S"
    activities = sent["context"]["contextActivities"]
    assert activities["parent"] == [
        {"objectType": "Activity", "id": package.activity_id}
    ]
    assert activities["category"][0]["id"].endswith("H5P.MultiChoice-1.16")
    assert sent["context"]["registration"]  # the server's, from the enrolment


def test_a_definition_xapi_forbids_is_cleaned_not_forwarded(
    client, enrolled, module, h5p
):
    package, block_id = h5p
    statement = h5p_multichoice(package, enrolled)
    definition = statement["object"]["definition"]
    definition["interactionType"] = "drag-and-drop"  # not an xAPI interaction type
    definition["choices"].append({"id": "has space"})
    definition["name"]["not a language tag!"] = "x"
    definition["evil"] = "<script>"
    status, _body = track(
        urls(launch(client, module, block_id))["statement"], {"statement": statement}
    )
    assert status == 200
    stored = Statement.objects.get(source=StatementSource.H5P).data
    valid_xapi(stored)
    assert "interactionType" not in stored["object"]["definition"]
    assert "evil" not in json.dumps(stored)
    assert stored["object"]["definition"]["name"] == {
        "en-US": "Which colours are primary?"
    }


def test_authority_is_sent_only_where_the_operator_configured_one(
    lrs,  # noqa: F811
    settings,
    enrolled,
    module,
    django_capture_on_commit_callbacks,
):
    lrs.accept = True
    with django_capture_on_commit_callbacks(execute=True):  # xAPI after commit
        complete_module(enrolled, module)
    statement = Statement.objects.get(source=StatementSource.MODULE)
    assert forward_now(str(statement.pk))
    assert "authority" not in lrs.received[-1]["statement"]

    statement.forwarded_at = None
    statement.save()
    agent = {
        "objectType": "Agent",
        "account": {"homePage": "https://lernen.example.org", "name": "iq"},
    }
    settings.XAPI_LRS_AUTHORITY = json.dumps(agent)
    assert forward_now(str(statement.pk))
    sent = lrs.received[-1]["statement"]
    assert sent["authority"] == agent
    valid_xapi(sent)


def test_module_statement_names_the_module_in_the_course_language(
    enrolled, course, module, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # xAPI after commit
        complete_module(enrolled, module)
    german = Statement.objects.get(source=StatementSource.MODULE).data
    assert german["object"]["definition"]["name"] == {"de": module.title}
    assert german["context"]["language"] == "de"
    valid_xapi(german)

    translate_tree(course, "en")
    english_module = module.get_translation(Locale.objects.get(language_code="en"))
    data = xapi.record_module_completed(enrolled, english_module, None).data
    assert data["object"]["definition"]["name"] == {"en": english_module.title}
    assert data["context"]["language"] == "en"


# --- SCORM interactions and objectives ---------------------------------------------


def _scorm_commit_url(name: str, client, module) -> tuple:
    package = store_sample(name)
    block_id = place_package(module, package)
    player = urls(launch(client, module, block_id))["player"]
    return package, ContentClient().get(player).context["config"]["commitUrl"]


SCORM2004_CMI = {
    "completion_status": "incomplete",
    "success_status": "unknown",
    "interactions": {
        "0": {
            "id": "q1-primary colours",
            "type": "choice",
            "timestamp": "2026-11-30T10:00:00Z",
            "learner_response": "red[,]blue",
            "result": "correct",
            "latency": "PT12S",
            "description": "Which colours are primary?",
            "correct_responses": {"0": {"pattern": "red[,]blue"}},
        },
        "1": {
            "id": "q2",
            "type": "fill-in",
            "learner_response": "Anerkennung",
            "result": "incorrect",
            "correct_responses": {"0": {"pattern": "Gleichwertigkeit"}},
        },
    },
    "objectives": {
        "0": {
            "id": "obj-recognition",
            "success_status": "passed",
            "completion_status": "completed",
            "score": {"scaled": "0.8"},
        }
    },
}


def test_scorm2004_interactions_and_objectives_follow_the_adl_scorm_profile(
    client, enrolled, module, package_root
):
    package, commit_url = _scorm_commit_url("scorm2004", client, module)
    status, _body = track(commit_url, {"cmi": SCORM2004_CMI})
    assert status == 200

    responded = Statement.objects.filter(verb_id=RESPONDED).order_by("object_id")
    assert responded.count() == 2
    sco = package.sco_activity_id(0)
    first = responded.get(object_id=f"{sco}/interactions/q1-primary%20colours").data
    valid_xapi(first)
    definition = first["object"]["definition"]
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"] == ["red[,]blue"]
    assert first["result"] == {
        "response": "red[,]blue",
        "success": True,
        "duration": "PT12S",
    }
    activities = first["context"]["contextActivities"]
    assert activities["parent"][0]["id"] == sco
    assert activities["category"][0]["id"] == SCORM_PROFILE
    grouping = [item["id"] for item in activities["grouping"]]
    assert grouping[0] == package.activity_id
    assert grouping[1].startswith(f"{sco}?attemptId=")
    second = responded.get(object_id=f"{sco}/interactions/q2").data
    assert second["result"]["success"] is False
    valid_xapi(second)

    objective = f"{sco}/objectives/obj-recognition"
    verbs = set(
        Statement.objects.filter(object_id=objective).values_list("verb_id", flat=True)
    )
    assert verbs == {xapi.VERBS["completed"], xapi.VERBS["passed"]}
    passed = Statement.objects.get(object_id=objective, verb_id=xapi.VERBS["passed"])
    assert passed.score_scaled == pytest.approx(0.8)
    assert passed.data["object"]["definition"]["type"].endswith("/objective")
    valid_xapi(passed.data)

    # The next commit sends everything again: nothing is stored twice ...
    count = Statement.objects.count()
    status, _body = track(commit_url, {"cmi": SCORM2004_CMI})
    assert status == 200 and Statement.objects.count() == count
    # ... and a changed answer is a statement of its own.
    changed = json.loads(json.dumps(SCORM2004_CMI))
    changed["interactions"]["1"]["learner_response"] = "Gleichwertigkeit"
    changed["interactions"]["1"]["result"] = "correct"
    track(commit_url, {"cmi": changed})
    assert Statement.objects.filter(verb_id=RESPONDED).count() == 3


def test_scorm12_interactions_are_sent_in_xapi_response_syntax(
    client, enrolled, module, package_root
):
    package, commit_url = _scorm_commit_url("scorm12", client, module)
    cmi = {
        "core": {"lesson_status": "incomplete"},
        "interactions": [
            {
                "id": "tf1",
                "type": "true-false",
                "student_response": "t",
                "result": "wrong",
                "latency": "00:01:05.5",
                "correct_responses": [{"pattern": "f"}],
            },
            {
                "id": "match1",
                "type": "matching",
                "student_response": "1.a,2.b",
                "result": "correct",
                "correct_responses": [{"pattern": "1.a,2.b"}],
            },
        ],
        "objectives": [{"id": "obj1", "status": "failed", "score": {"raw": "20"}}],
    }
    status, _body = track(commit_url, {"cmi": cmi})
    assert status == 200
    sco = package.sco_activity_id(0)
    true_false = Statement.objects.get(object_id=f"{sco}/interactions/tf1").data
    assert true_false["result"] == {
        "response": "true",
        "success": False,
        "duration": "PT0H1M5.5S",
    }
    assert true_false["object"]["definition"]["correctResponsesPattern"] == ["false"]
    matching = Statement.objects.get(object_id=f"{sco}/interactions/match1").data
    assert matching["result"]["response"] == "1[.]a[,]2[.]b"
    failed = Statement.objects.get(object_id=f"{sco}/objectives/obj1")
    assert failed.verb_id == xapi.VERBS["failed"]
    for data in (true_false, matching, failed.data):
        valid_xapi(data)


# --- Refusals: kept, retried with back-off, listed for the staff -------------------


def test_a_refused_statement_is_kept_and_retried_later_with_growing_pauses(
    lrs,  # noqa: F811
    settings,
    enrolled,
    module,
    django_capture_on_commit_callbacks,
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):  # xAPI after commit
        complete_module(enrolled, module)
    statement = Statement.objects.get(source=StatementSource.MODULE)
    DBTaskResult.objects.all().delete()

    before = timezone.now()
    assert forward_statement.call(str(statement.pk)) is False
    statement.refresh_from_db()
    assert statement.forwarded_at is None and statement.forward_attempts == 1
    (retry,) = DBTaskResult.objects.all()
    assert retry.args_kwargs["args"] == [str(statement.pk)]
    assert retry.run_after >= before + timedelta(minutes=2)

    forward_statement.call(str(statement.pk))
    later = DBTaskResult.objects.order_by("-run_after").first()
    assert later.run_after >= timezone.now() + timedelta(minutes=3, seconds=50)

    lrs.accept = True
    assert forward_statement.call(str(statement.pk)) is True
    statement.refresh_from_db()
    assert statement.forwarded_at is not None


def test_admin_lists_the_backlog_scoped_to_the_packages_staff_may_see(
    lrs,  # noqa: F811
    client,
    enrolled,
    course,
    module,
    package_root,
    trainer,
    admin_user,
):
    team = make_team(course, trainer)
    package = store_sample("h5p", collection=team.collection)
    block_id = place_package(module, package)
    track(
        urls(launch(client, module, block_id))["statement"],
        {"statement": h5p_multichoice(package, enrolled)},
    )
    xapi.record_module_completed(enrolled, module, None)  # the platform's own
    for statement in Statement.objects.all():
        forward_now(str(statement.pk))  # the LRS refuses (503)

    assert backlog_for(admin_user).count() == Statement.objects.count() >= 2
    # The trainer sees their package's statements, not the platform's own.
    assert {s.source for s in backlog_for(trainer)} == {StatementSource.H5P}

    client.force_login(trainer)
    page = client.get("/admin/xapi-backlog/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "subContentId=5a1c" in html and "503" in html
    assert xapi.module_activity_id(module) not in html
    assert enrolled.email not in html

    client.force_login(enrolled)
    assert client.get("/admin/xapi-backlog/").status_code in (302, 403)
