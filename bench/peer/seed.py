"""Seeds the wagtail-lms peer with the project's benchmark lesson.

Runs in the peer's virtual environment (bench/.peer-venv) with
DJANGO_SETTINGS_MODULE=lms_peer.settings, started by bench/run.py. Creates, as
wagtail-lms's README describes it, a CoursePage under the site's home page and an
H5PLessonPage under it holding the twenty blocks of the project's lesson as rich
text (bench/lesson_content.py), then 200 learners enrolled in the course (half of
them with the lesson completed, wagtail-lms's progress record for a lesson) with
a logged-in session each. Writes the requests file and its spec to BENCH_WORKDIR.
"""

import json
import os
import random
import sys
from importlib.metadata import version
from pathlib import Path
from uuid import uuid4

import django

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.models import Site  # noqa: E402
from wagtail_lms.models import (  # noqa: E402
    CourseEnrollment,
    CoursePage,
    H5PLessonCompletion,
    H5PLessonPage,
)

from bench.lesson_content import as_rich_text, lesson_blocks  # noqa: E402
from bench.sessions import session_cookie, write_requests  # noqa: E402

OUT = Path(os.environ["BENCH_WORKDIR"])
LEARNERS = 200


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def course_and_lesson() -> tuple[CoursePage, H5PLessonPage]:
    home = Site.objects.get(is_default_site=True).root_page
    course = publish(
        home,
        CoursePage(
            title="Benchmark: Anerkennung",
            slug="benchmark-anerkennung",
            description="<p>Ein Kurs mit einer langen Lektion.</p>",
        ),
    )
    body = [
        {"type": "paragraph", "value": as_rich_text(block), "id": str(uuid4())}
        for block in lesson_blocks()
    ]
    lesson = publish(
        course, H5PLessonPage(title="Lektion mit 20 Blöcken", slug="lektion", body=body)
    )
    return course, lesson


def learners(course: CoursePage, lesson: H5PLessonPage) -> list[User]:
    """Enrolled learners; half have completed the lesson (seeded like the project's
    half with progress). Unusable passwords: the benchmark uses sessions."""
    password = make_password(None)
    rng = random.Random(4)  # noqa: S311 - benchmark data, not security
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                username=f"bench-learner-{number}",
                email=f"bench-learner-{number}@example.org",
                password=password,
            )
            for number in range(LEARNERS)
        )
        CourseEnrollment.objects.bulk_create(
            CourseEnrollment(user=user, course=course) for user in users
        )
        H5PLessonCompletion.objects.bulk_create(
            H5PLessonCompletion(user=user, lesson=lesson)
            for user in users
            if rng.random() < 0.5
        )
    return users


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    course, lesson = course_and_lesson()
    users = learners(course, lesson)
    sessions = [session_cookie(user) for user in users]
    path = OUT / "peer_lesson.tsv"
    write_requests(path, [("GET", lesson.url, c, csrf, "") for c, csrf in sessions])
    spec = {
        "file": str(path),
        # The lesson itself, for the first learner, signed in: a redirect to the
        # login or course page (not enrolled) fails the run before it measures.
        "check": [
            'class="lms-lesson__body"',
            "Berufsqualifikationsfeststellungsgesetz",
            "Das Vorstellungsgespräch",
            f"Angemeldet als {users[0].username}",
        ],
        "label": f"wagtail-lms {version('wagtail-lms')}: the same lesson, enrolled",
        "lesson_url": lesson.url,
        "versions": {
            name: version(name) for name in ("wagtail-lms", "wagtail", "django")
        },
    }
    (OUT / "peer.json").write_text(json.dumps(spec, indent=2))


if __name__ == "__main__":
    main()
