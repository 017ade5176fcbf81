"""Prepares the benchmark database and writes the requests each scenario sends.

Runs inside Django with the production settings (bench/run.py sets the
environment). Output: one requests file per scenario and a JSON index.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.core.management import call_command  # noqa: E402

from bench import scenarios  # noqa: E402
from bench.sessions import session_cookie, write_requests  # noqa: E402

OUT = Path(os.environ["BENCH_WORKDIR"])


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    index = {}
    for scenario in scenarios.build(session_cookie):
        path = OUT / f"{scenario['name']}.tsv"
        write_requests(path, scenario["requests"])
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
