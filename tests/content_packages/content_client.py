"""Requests to the content origin, as the browser sends them, in-process.

`ContentClient` goes through the content origin's own handler (its middleware,
URLconf and cookie-free request), not the platform's; `launch` follows the
platform's launch redirect as a lesson frame does and returns the token.
"""

from __future__ import annotations

import json
import zlib
from urllib.parse import urlsplit

from django.core import signing
from django.test import Client
from django.test.client import ClientHandler
from django.urls import reverse

from content_packages import conf
from content_packages.content_views import content_path
from content_packages.origin import ContentHandlerMixin


class ContentClientHandler(ContentHandlerMixin, ClientHandler):
    pass


class ContentClient(Client):
    """A browser's requests to CONTENT_ORIGIN (cookies it holds are sent along)."""

    def __init__(self, **defaults) -> None:
        super().__init__(HTTP_HOST=urlsplit(conf.content_origin()).netloc, **defaults)
        self.handler = ContentClientHandler()


def launch_url(module, block_id: str) -> str:
    return reverse("content_packages:launch", args=[module.pk, block_id])


def launch(platform_client: Client, module, block_id: str) -> str:
    """The token the platform's launch URL hands to the content origin."""
    response = platform_client.get(launch_url(module, block_id))
    assert response.status_code == 302, response.status_code
    return token_from(response)


def token_from(launch_response) -> str:
    """The token of a launch redirect, which must lead to the content's player."""
    location = urlsplit(launch_response["Location"])
    assert f"{location.scheme}://{location.netloc}" == conf.content_origin()
    parts = location.path.strip("/").split("/")
    token = parts[parts.index("c") + 1]
    assert location.path == content_path("player", token)
    return token


CLAIMS = ("user", "module", "block", "package", "enrollment")


def tampered(token: str, **changes) -> str:
    """The token with some claims changed but its old signature: a forgery."""
    payload, signature = token.split(":", 1)
    compressed = payload.startswith(".")
    data = signing.b64_decode(payload.lstrip(".").encode())
    claims = json.loads(zlib.decompress(data) if compressed else data)
    for name, value in changes.items():
        claims[CLAIMS.index(name)] = value
    encoded = signing.b64_encode(json.dumps(claims, separators=(",", ":")).encode())
    return f"{encoded.decode()}:{signature}"
