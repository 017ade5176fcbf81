"""Publishes a demo module while the `make run` load test sends its requests.

`python -m tests.make_run.publish <module id> <go file>`: sets Django up, then
waits for the go file so the publish falls into the burst of requests.
"""

import sys
import time
from pathlib import Path

import django

django.setup()

from courses.models import ModulePage  # noqa: E402


def main(module_id: int, go: Path) -> None:
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    page = ModulePage.objects.get(pk=module_id).specific
    page.intro = f"{page.intro}<p>Aktualisiert {time.time()}</p>"
    page.save_revision().publish()
    print(page.live_revision_id)


main(int(sys.argv[1]), Path(sys.argv[2]))
