"""Who sees what: every report goes through one scope, and URLs cannot widen it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reports.models import ExportJob
from reports.queries import (
    esf_report,
    participation_dashboard,
    quiz_item_analysis,
)
from tests.factories import UserFactory
from tests.reports.conftest import grant_personal_data

pytestmark = pytest.mark.django_db


def enrolled(user, filters=None) -> str:
    return str(participation_dashboard(user, filters or {}).totals["enrolled"])


def page_figures(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in soup.select(".reports-figures dt")
    }


def test_each_role_sees_its_own_scope(data, admin_user, learner):
    assert enrolled(admin_user) == "24"
    assert enrolled(data.coordinator_a) == "16"
    assert enrolled(data.coordinator_b) == "7"
    # The trainer runs a group in course Y: course Y, every network.
    assert enrolled(data.trainer) == "10"
    assert enrolled(learner) == "0"
    assert enrolled(UserFactory(role="coordinator")) == "0"  # no network assigned


def test_group_trainer_outside_the_course_team_sees_only_their_group(data):
    group_trainer = UserFactory(role="trainer")
    data.group.trainer = group_trainer
    data.group.save(update_fields=["trainer"])

    assert enrolled(group_trainer) == "7"  # the group's B Employer learners
    assert enrolled(data.trainer) == "10"  # the team still sees all of course Y


def test_trainer_sees_only_courses_they_run(data):
    tables = participation_dashboard(data.trainer, {}).tables

    assert [row[0] for row in tables["by_course"].rows] == ["Course Y"]


def test_learner_cannot_open_the_reports(data, learner, client):
    client.force_login(learner)

    for name in ("dashboard", "esf", "quizzes", "people", "jobs"):
        response = client.get(reverse(f"reports_admin:{name}"))
        assert response.status_code in (302, 403), name
        assert b"reports-figures" not in response.content


def test_coordinator_without_the_permission_cannot_list_people(data, as_user):
    client = as_user(data.coordinator_a)

    # Wagtail turns a refusal into a redirect to the admin home with a message.
    listing = client.get(reverse("reports_admin:people"))
    assert listing.status_code in (302, 403)
    assert b"Aemp0" not in listing.content
    export = client.get(reverse("reports_admin:export_people", args=["csv"]))
    assert export.status_code in (302, 403)
    assert "Content-Disposition" not in export


@pytest.mark.parametrize(
    "parameter", ["network", "organisation", "group", "network_and_organisation"]
)
def test_coordinator_cannot_see_another_network_by_changing_the_url(
    data, as_user, parameter
):
    client = as_user(data.coordinator_a)
    query = {
        "network": {"network": data.network_b.pk},
        "organisation": {"organisation": data.b_employer.pk},
        "group": {"group": data.group.pk},
        "network_and_organisation": {
            "network": data.network_b.pk,
            "organisation": data.b_employer.pk,
        },
    }[parameter]

    response = client.get(reverse("reports_admin:dashboard"), query)

    assert response.status_code == 200
    assert page_figures(response)["Enrolled"] == "0"
    assert b"B Employer" not in response.content


def test_coordinator_filter_offers_only_their_own_networks_and_organisations(
    data, as_user
):
    response = as_user(data.coordinator_a).get(reverse("reports_admin:dashboard"))
    soup = BeautifulSoup(response.content, "html.parser")

    networks = [o.get_text() for o in soup.select("#id_network option")]
    organisations = [o.get_text() for o in soup.select("#id_organisation option")]
    assert "IQ Network B" not in networks
    assert "IQ Network A" in networks
    assert not any("B Employer" in name for name in organisations)


def test_coordinator_cannot_export_another_network(data, as_user):
    client = as_user(data.coordinator_a)
    url = reverse("reports_admin:export_table", args=["dashboard", "summary", "csv"])

    response = client.get(url, {"network": data.network_b.pk})

    assert response.status_code == 302
    assert "Content-Disposition" not in response


def test_coordinator_with_personal_data_permission_lists_only_their_network(
    data, as_user
):
    grant_personal_data(data.coordinator_a)
    client = as_user(data.coordinator_a)

    response = client.get(reverse("reports_admin:people"))
    tampered = client.get(
        reverse("reports_admin:people"), {"network": data.network_b.pk}
    )

    assert b"Aemp0" in response.content
    assert b"Ajob0" in response.content
    assert b"Bemp0" not in response.content
    assert b"Bemp0" not in tampered.content
    assert b"Aemp0" not in tampered.content


def test_trainer_lists_people_of_their_own_group_only(data, as_user):
    client = as_user(data.trainer)

    without_group = client.get(reverse("reports_admin:people"))
    own_group = client.get(reverse("reports_admin:people"), {"group": data.group.pk})

    assert without_group.status_code == 200
    assert b"Bemp0" not in without_group.content
    assert b"Bemp0" in own_group.content
    # Learners of course Y outside the group stay hidden even there.
    assert b"Ajob0" not in own_group.content


def test_quiz_analysis_counts_only_attempts_in_scope(data, admin_user):
    assert str(quiz_item_analysis(admin_user, data.quiz, {}).attempts) == "10"
    assert str(quiz_item_analysis(data.coordinator_a, data.quiz, {}).attempts) == "10"
    outside = quiz_item_analysis(data.coordinator_b, data.quiz, {})
    assert str(outside.attempts) == "0"
    assert outside.hidden
    assert outside.questions == []


def test_trainer_cannot_open_a_quiz_of_a_course_they_do_not_run(data, as_user):
    response = as_user(data.trainer).get(
        reverse("reports_admin:quizzes"), {"quiz": data.quiz.pk}
    )

    assert response.status_code == 404


def test_esf_report_is_scoped(data):
    core = {t.key: t for t in esf_report(data.coordinator_b, {})}["esf_core"]

    assert str(core.rows[-1][1]) == "7"  # total: B Employer's seven people


def test_export_jobs_belong_to_their_requester(data, as_user, admin_user):
    from datetime import timedelta

    from django.utils import timezone

    job = ExportJob.objects.create(
        requested_by=admin_user,
        report="people",
        export_format="csv",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    client = as_user(data.coordinator_a)

    for name in ("job", "job_status", "job_download"):
        assert (
            client.get(reverse(f"reports_admin:{name}", args=[job.pk])).status_code
            == 404
        )
