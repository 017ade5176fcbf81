"""A fresh database for the worker test: migrated, one issued certificate.

Run by tests/worker/test_task_worker.py as its own process (`python -m
tests.worker.world`, with the worker's settings): migrates, issues a
certificate by hand (its PDF task lands in the database queue) and prints
the certificate's id and uuid as JSON.
"""

import json

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    from certificates.services import issue_by_trainer
    from courses.services import enrol
    from demo.pages import create_site_pages
    from tests.factories import UserFactory, make_course, make_course_index

    home = create_site_pages()
    course = make_course(make_course_index(home), "Kurs", modules=1)
    learner = UserFactory(role="learner")
    trainer = UserFactory(role="trainer")
    enrol(learner, course)
    with transaction.atomic():
        certificate = issue_by_trainer(learner, course, by=trainer)
    print(json.dumps({"id": certificate.pk, "uuid": str(certificate.uuid)}))


if __name__ == "__main__":
    main()
