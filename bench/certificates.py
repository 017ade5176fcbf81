"""Certificates per second: 1,000 course completions, each issuing a certificate
whose PDF the task worker renders and stores.

Production settings on PostgreSQL (a fresh database), the real code path:
`courses.services.complete_module` completes the course, which calls
`certificates.services.issue_for_completion` (snapshot, code, signed record) and
enqueues the PDF task; `manage.py db_worker` processes (one per CPU) render the
PDFs with WeasyPrint and store them. Issuing emails go to a local SMTP sink.
Writes bench/results/certificates.json and .md.

    .venv/bin/python bench/certificates.py [--count 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess  # noqa: S404
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.servers import (  # noqa: E402
    PG,
    PYTHON,
    RESULTS,
    environment,
    recreate_database,
)
from bench.smtp_sink import SmtpSink  # noqa: E402

DATABASE = f"{servers.DATABASE}_certificates"


# --- inside Django (child processes) ---------------------------------------------


def _django():
    import django

    django.setup()


def prepare(count: int) -> None:
    """Database, demo site, a one-module course with a template, enrolled learners."""
    _django()
    from django.core.management import call_command

    from bench import data

    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    course = data.certificate_course(data.certificate_template())
    data.enrol_all(data.learners("bench-certificate", count), course["course"])


def issue() -> None:
    """Complete the course for every enrolled learner, one after the other."""
    _django()
    from courses.models import Enrollment, ModulePage
    from courses.services import complete_module

    module = ModulePage.objects.get(slug="modul", title="Einziges Modul")
    enrollments = list(
        Enrollment.objects.filter(course_id=module.get_parent().pk).select_related(
            "user"
        )
    )
    started = time.monotonic()
    for enrollment in enrollments:
        complete_module(enrollment.user, module)
    print(json.dumps({"bench": {"issue_seconds": time.monotonic() - started}}))


def verify() -> None:
    """Every certificate has a stored PDF that names its learner and code."""
    _django()
    from pypdf import PdfReader

    from certificates.models import Certificate

    certificates = list(Certificate.objects.select_related("user"))
    missing = [c.pk for c in certificates if not c.pdf or c.pdf_rendered_at is None]
    sample = certificates[len(certificates) // 2]
    with sample.pdf.open("rb") as handle:
        text = PdfReader(handle).pages[0].extract_text()
    print(
        json.dumps(
            {
                "bench": {
                    "certificates": len(certificates),
                    "without_pdf": len(missing),
                    "sample_pdf_names_learner": sample.user.last_name in text,
                    "sample_pdf_shows_code": sample.display_code in text,
                    "first_issued": min(c.issued_at for c in certificates).isoformat(),
                    "last_pdf": max(
                        c.pdf_rendered_at for c in certificates if c.pdf_rendered_at
                    ).isoformat(),
                }
            }
        )
    )


# --- the driver -------------------------------------------------------------------


def _child(mode: str, env: dict, *extra: str) -> dict | None:
    """Run a mode of this script under Django; its last JSON line is the result
    (log lines are JSON too, so the result is the line with our marker)."""
    output = subprocess.run(  # noqa: S603
        [PYTHON, __file__, f"--{mode}", *extra],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    results = [
        json.loads(line) for line in output.splitlines() if line.startswith('{"bench"')
    ]
    return results[-1]["bench"] if results else None


def _rendered(env: dict) -> int:
    sql = (
        "SELECT count(*) FROM certificates_certificate "
        "WHERE pdf_rendered_at IS NOT NULL"
    )
    output = subprocess.run(  # noqa: S603
        ["psql", env["DATABASE_URL"], "-tAc", sql],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output.strip())


def main(count: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="iq-bench-certificates-"))
    sink = SmtpSink().start()
    env = {
        **environment(workdir, f"{PG}/{DATABASE}"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
    }
    recreate_database(DATABASE)
    print(f"Preparing {count} learners …", flush=True)
    _child("prepare", env, "--count", str(count))

    workers = [
        subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--worker-id",
                f"bench-{number}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(workdir / f"worker-{number}.log").open("w"),
        )
        for number in range(os.cpu_count() or 1)
    ]
    try:
        started = time.monotonic()
        issued = _child("issue", env)
        issue_seconds = issued["issue_seconds"]
        print(f"Issued {count} in {issue_seconds:.1f} s; rendering PDFs …", flush=True)
        while _rendered(env) < count:
            if time.monotonic() - started > 3600:
                raise RuntimeError("PDFs not rendered within an hour")
            time.sleep(0.5)
        total_seconds = time.monotonic() - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    checks = _child("verify", env)
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "certificates": count,
        "task_workers": len(workers),
        "issue_seconds": round(issue_seconds, 1),
        "issued_per_second": round(count / issue_seconds, 1),
        "total_seconds": round(total_seconds, 1),
        "certificates_per_second": round(count / total_seconds, 2),
        "emails_sent": sink.received,
        "checks": checks,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "certificates.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "certificates.md").write_text(
        f"# Certificate issuing ({results['when']})\n\n"
        f"{count} course completions through `complete_module` (one process), PDFs "
        f"rendered by {len(workers)} `db_worker` processes, PostgreSQL, production "
        "settings.\n\n"
        "| Measure | Value |\n|---|---:|\n"
        f"| Certificates per second, PDF stored (end to end) | "
        f"{results['certificates_per_second']} |\n"
        f"| Issued per second (records, before PDFs) | "
        f"{results['issued_per_second']} |\n"
        f"| Wall time for {count} | {results['total_seconds']} s |\n"
        f"| Certificates without PDF | {checks['without_pdf']} |\n"
        f"| Emails accepted by the SMTP sink | {sink.received} |\n\n"
        f"Load average at the end: {results['machine']['load_average']} "
        f"on {results['machine']['cpus']} CPUs (other work on the machine counts).\n"
    )
    print(json.dumps(results, indent=2))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--issue", action="store_true")
    parser.add_argument("--verify", action="store_true")
    arguments = parser.parse_args()
    if arguments.prepare:
        prepare(arguments.count)
    elif arguments.issue:
        issue()
    elif arguments.verify:
        verify()
    else:
        main(arguments.count)
