"""A large, synthetic data set for load tests of the reports (PostgreSQL only).

Ten courses with a quiz each through the page API, then networks, organisations,
learners, enrolments, progress, certificates and quiz attempts by set-based SQL
(see bench/load_data.py). Never run it against a production database.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.load_data import build_courses, generate
from courses.models import CourseIndexPage


class Command(BaseCommand):
    help = (
        "Fills an empty PostgreSQL database with synthetic learners, enrolments and "
        "quiz attempts for load tests of the reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=10_000)
        parser.add_argument(
            "--seed",
            type=int,
            default=0,
            help="Varies who completes, when, and the quiz scores; same seed, "
            "same data set.",
        )

    def handle(self, *args, learners: int, seed: int, **options):
        if connection.vendor != "postgresql":
            raise CommandError("seed_load needs PostgreSQL (it uses generate_series).")
        if CourseIndexPage.objects.filter(slug="kurse-bench").exists():
            raise CommandError("The load data set is already in this database.")
        timings: dict = {}
        rows = generate(learners, build_courses(), timings, seed=seed)
        for table, count in rows.items():
            self.stdout.write(f"{table:<28} {count:>10}")
