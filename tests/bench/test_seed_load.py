"""The load data set for the reports benchmark is real, scoped data."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from accounts.models import Network, User
from courses.models import Enrollment
from quizzes.models import Attempt
from reports.queries import participation_dashboard
from tests.factories import UserFactory


@pytest.mark.django_db
def test_seed_load_fills_the_reports_tables_once(client):
    if connection.vendor != "postgresql":
        pytest.skip("seed_load uses PostgreSQL's generate_series; runs on PostgreSQL.")
    call_command("seed_load", learners=40, seed=3)

    learners = User.objects.filter(email__startswith="bench-")
    assert learners.count() == 40
    assert Enrollment.objects.filter(user__in=learners).count() == 80
    assert Attempt.objects.filter(user__in=learners).exists()
    assert Network.objects.filter(name="IQ Bench 1").exists()
    with pytest.raises(CommandError, match="already"):
        call_command("seed_load", learners=40)

    # The benchmark's dashboard scenario: a coordinator of one network.
    coordinator = UserFactory(role="coordinator")
    coordinator.coordinated_networks.add(Network.objects.get(name="IQ Bench 1"))
    client.force_login(coordinator)
    response = client.get(reverse("reports_admin:dashboard"))
    assert response.status_code == 200
    assert "IQ Bench 1" in response.content.decode()
    # The SQL bypasses the services; seed_load rebuilds the dashboard's facts.
    in_network = Enrollment.objects.filter(
        user__organisation__network__name="IQ Bench 1"
    ).count()
    enrolled = participation_dashboard(coordinator, {}).totals["enrolled"]
    assert enrolled.value == in_network > 0


@pytest.mark.django_db
def test_seed_load_refuses_sqlite_with_a_clear_message():
    if connection.vendor == "postgresql":
        pytest.skip("Checks the refusal on SQLite.")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("seed_load", learners=10)
