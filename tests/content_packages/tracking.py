"""Requests of the players to the content origin, as the tests make them."""

import json

from django.utils import translation
from django.utils.translation import gettext

from content_packages import xapi
from content_packages.content_views import content_path
from courses.services import progress_for
from tests.content_packages.content_client import ContentClient, launch

ANSWERED = xapi.VERBS["answered"]


def module_completed(user, course) -> bool:
    return progress_for(user, course).modules[0].is_completed


def post_json(client, url: str, body) -> tuple[int, dict]:
    response = client.post(url, json.dumps(body), content_type="application/json")
    body = response.json()
    body["language"] = response["Content-Language"]
    return response.status_code, body


def says(body: dict, msgid: str) -> bool:
    """The error is this message, in the language the request was answered in."""
    with translation.override(body["language"]):
        return body["error"] == gettext(msgid)


def urls(token: str) -> dict:
    return {
        "player": content_path("player", token),
        "statement": content_path("h5p_statement", token),
        "state": content_path("h5p_state", token),
    }


def launched(client, module, block_id: str) -> dict:
    """The content URLs of a launch by the client's user."""
    return urls(launch(client, module, block_id))


def track(url: str, body) -> tuple[int, dict]:
    """A tracking request from the player on the content origin."""
    return post_json(ContentClient(), url, body)


def file_url(token: str, path: str) -> str:
    return content_path("file", token, path=path)


def answered(package, user, scaled: float = 1.0, object_id: str | None = None) -> dict:
    return {
        "actor": xapi.actor_for(user),
        "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
        "object": {
            "id": object_id or package.activity_id,
            "objectType": "Activity",
            "definition": {"name": {"en-US": "Hello World"}},
        },
        "result": {
            "score": {"min": 0, "max": 1, "raw": scaled, "scaled": scaled},
            "completion": True,
            "success": scaled >= 0.5,
            "response": "true",
        },
    }
