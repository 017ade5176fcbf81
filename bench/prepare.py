"""Prepares the benchmark database and writes the requests each scenario sends.

Runs inside Django with the production settings (bench/run.py sets the
environment). Output: one requests file per scenario and a JSON index.
"""

import json
import os
import sys
from importlib import import_module
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from bench import scenarios  # noqa: E402

OUT = Path(os.environ["BENCH_WORKDIR"])


def session_cookie(user) -> tuple[str, str]:
    """A logged-in session and a CSRF secret, as the browser would hold them."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    csrf = get_random_string(32)
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={store.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf}"
    )
    return cookie, csrf


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    index = {}
    for scenario in scenarios.build(session_cookie):
        path = OUT / f"{scenario['name']}.tsv"
        with path.open("w") as handle:
            for method, url, cookie, csrf, body in scenario["requests"]:
                handle.write(f"{method}\t{url}\t{cookie}\t{csrf}\t{body}\n")
        index[scenario["name"]] = {
            "file": str(path),
            "check": scenario["check"],
            "connections": scenario.get("connections", 20),
            "think_ms": scenario.get("think_ms", 0),
            "label": scenario["label"],
            "baseline": scenario.get("baseline", False),
            "counts": scenario.get("counts"),
        }
    (OUT / "index.json").write_text(json.dumps(index, indent=2))


if __name__ == "__main__":
    main()
