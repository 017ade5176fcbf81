"""Every dashboard, ESF+ and quiz figure against the hand-built data set (conftest)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from reports import services
from reports.queries import (
    esf_report,
    participation_dashboard,
    quiz_item_analysis,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def shown(table) -> dict[str, list[str]]:
    """A report table as the page shows it: row label -> cell texts."""
    return {str(row[0]): [str(cell) for cell in row[1:]] for row in table.rows}


def totals(dashboard) -> dict[str, str]:
    figures = {name: str(cell) for name, cell in dashboard.totals.items()}
    figures["rate"] = str(dashboard.completion_rate)
    figures["median"] = str(dashboard.median_days)
    return figures


def test_administrator_totals_cover_every_enrolment(data, admin_user):
    dashboard = participation_dashboard(admin_user, {})

    assert totals(dashboard) == {
        "enrolled": "24",
        "started": "17",
        "completed": "11",
        "passed": "7",
        "certificates": "10",
        "rate": "45.8",
        "median": "6.0",
    }


def test_administrator_trend_by_month(data, admin_user):
    trend = participation_dashboard(admin_user, {}).tables["trend"]

    assert shown(trend) == {
        "2026-01": ["16", "5"],
        "2026-02": ["0", "6"],
        "2026-03": ["8", "0"],
    }


def test_administrator_breakdowns_by_organisation_type_and_course(data, admin_user):
    tables = participation_dashboard(admin_user, {}).tables

    assert shown(tables["by_organisation_type"]) == {
        # Secondary suppression: the smallest other count of each column is
        # hidden too, else the total minus the visible cells gives it back.
        "Employer": ["15", "< 5", "11", "7", "73.3"],
        "Jobcenter": ["< 5", "< 5", "0", "0", "< 5"],
        "No organisation": ["< 5", "0", "0", "0", "< 5"],
    }
    assert shown(tables["by_course"]) == {
        "Course X": ["14", "10", "6", "7", "42.9"],
        "Course Y": ["10", "7", "5", "0", "50.0"],
    }


def test_coordinator_figures_are_those_of_their_network_only(data):
    dashboard = participation_dashboard(data.coordinator_a, {})

    assert totals(dashboard) == {
        "enrolled": "16",
        "started": "10",
        "completed": "6",
        "passed": "7",
        "certificates": "5",
        "rate": "37.5",
        "median": "7.0",
    }
    assert shown(dashboard.tables["trend"]) == {
        "2026-01": ["8", "0"],
        "2026-02": ["0", "6"],
        "2026-03": ["8", "0"],
    }
    assert shown(dashboard.tables["by_organisation_type"]) == {
        "Employer": ["8", "< 5", "6", "7", "75.0"],  # complement of Jobcenter
        "Jobcenter": ["8", "< 5", "0", "0", "0.0"],
    }


def test_filters_narrow_the_figures(data, admin_user):
    by_type = participation_dashboard(
        admin_user, {"organisation_type": "jobcenter"}
    ).totals
    assert str(by_type["enrolled"]) == "8"

    by_course = participation_dashboard(
        admin_user, {"course": str(data.course_y.translation_key)}
    ).totals
    assert str(by_course["enrolled"]) == "10"

    by_network = participation_dashboard(admin_user, {"network": data.network_b})
    assert str(by_network.totals["enrolled"]) == "7"
    assert str(by_network.median_days) == "5.0"

    from datetime import date

    march = participation_dashboard(
        admin_user, {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}
    )
    assert str(march.totals["enrolled"]) == "8"
    assert str(march.totals["completed"]) == "0"


def test_dashboard_page_shows_the_coordinators_figures(data, as_user):
    response = as_user(data.coordinator_a).get(reverse("reports_admin:dashboard"))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    figures = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in soup.select(".reports-figures dt")
    }
    assert figures == {
        "Enrolled": "16",
        "Started": "10",
        "Completed": "6",
        "Passed a quiz": "7",
        "Certificates issued": "5",
        "Completion rate (%)": "37.5",
        "Median days to complete": "7.0",
    }


def test_quiz_item_analysis_figures(data, admin_user, settings):
    settings.REPORTS_MIN_CELL_SIZE = 1  # exact option counts, nothing hidden

    analysis = quiz_item_analysis(admin_user, data.quiz, {})

    assert str(analysis.attempts) == "10"
    assert str(analysis.learners) == "8"
    # First passing attempt: five learners at 1, two at 2 (one never passed).
    assert str(analysis.average_attempts_to_pass) == "1.29"
    q1, q2 = analysis.questions
    assert (q1["id"], str(q1["facility"]), str(q1["discrimination"])) == (
        "q1",
        "60.0",
        "1.0",
    )
    assert (q2["id"], str(q2["facility"]), str(q2["discrimination"])) == (
        "q2",
        "40.0",
        "1.0",
    )
    assert [(text, str(cell)) for text, cell in q1["options"]] == [
        ("Office 0", "6"),
        ("Office 1", "3"),
        ("Office 2", "1"),
    ]
    assert [(text, str(cell)) for text, cell in q2["options"]] == [
        ("True", "4"),
        ("False", "6"),
    ]


def test_discrimination_separates_strong_from_weak_scorers(data, admin_user):
    """q1 is answered right by the weak third too: its index drops below q2's."""
    from quizzes.models import AttemptAnswer

    weakest = AttemptAnswer.objects.filter(
        question_id="q1", attempt__score_percent=0
    ).order_by("attempt__pk")
    # Two of the three weakest attempts now chose the right office for q1.
    for answer in weakest[:2]:
        AttemptAnswer.objects.filter(pk=answer.pk).update(
            is_correct=True, response="opt-0"
        )

    q1, q2 = quiz_item_analysis(admin_user, data.quiz, {}).questions

    assert str(q1["discrimination"]) == "0.33"  # 3/3 - 2/3
    assert str(q2["discrimination"]) == "1.0"


def test_quiz_page_shows_the_item_analysis(data, as_user):
    response = as_user(data.coordinator_a).get(
        reverse("reports_admin:quizzes"), {"quiz": data.quiz.pk}
    )

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    items, options = soup.select(".reports-table table")
    assert items.caption.get_text(strip=True) == "Quiz item analysis"
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr("td")]
        for tr in items.select("tbody tr")
    }
    assert rows == {
        "1. Which office decides?": ["10", "60.0", "1.0"],
        "2. Partial recognition exists.": ["10", "40.0", "1.0"],
    }
    chosen = [
        [cell.get_text(strip=True) for cell in tr(["th", "td"])]
        for tr in options.select("tbody tr")
    ]
    assert ["1. Which office decides?", "Office 0", "6"] in chosen
    assert ["1. Which office decides?", "Office 2", "< 5"] in chosen


def test_esf_report_counts_only_participants_with_complete_core_data(data, admin_user):
    complete = {
        "gender": "female",
        "age_band": "30_54",
        "employment_status": "employed",
        "isced_band": "isced_3_4",
    }
    for user in data.learners["a_employer"][:6]:
        services.save_participant_indicators(user, **complete)
    for user in data.learners["a_jobcenter"][:5]:  # gender only: not counted
        services.save_participant_indicators(user, gender="male")
    services.save_organisation_indicators(data.a_employer, is_sme="yes")

    tables = {t.key: t for t in esf_report(data.coordinator_a, {})}

    # 14 people in network A: 6 with complete core data, 8 without.
    assert shown(tables["esf_core"]) == {
        "Participants with complete core data": ["6"],
        "Without complete core data (not counted)": ["8"],
        "Total": ["14"],
    }
    assert shown(tables["esf_gender"]) == {
        "Female": ["6"],
        "Male": ["0"],
        "Diverse": ["0"],
        "Total": ["6"],
    }
    assert shown(tables["esf_age"])["30 to 54"] == ["6"]
    assert "No answer" not in shown(tables["esf_age"])
    # Nobody answered exit questions yet: every result is zero.
    assert set(map(tuple, shown(tables["esf_results"]).values())) == {("0",)}
    # Two organisations: too few to show, whichever category.
    assert shown(tables["esf_sme"])["Total"] == ["< 5"]


def test_learner_answers_esf_questions_with_no_answer_allowed(client):
    user = UserFactory(role="learner")
    client.force_login(user)
    url = reverse("reports:my_indicators")

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "gender": "no_answer",
            "age_band": "18_29",
            "employment_status": "employed",
            "isced_band": "no_answer",
        },
    )

    assert response.status_code == 302
    user.esf_indicators.refresh_from_db()
    assert user.esf_indicators.age_band == "18_29"
    assert user.esf_indicators.gender == "no_answer"


def test_esf_results_come_from_exit_answers_of_complete_core_participants(data):
    complete = {
        "gender": "male",
        "age_band": "18_29",
        "employment_status": "unemployed",
        "isced_band": "isced_0_2",
    }
    a_employer = data.learners["a_employer"]
    for user in a_employer[:7]:
        services.save_participant_indicators(user, **complete)
    for user in a_employer:  # the last one has no entry answers: not counted
        enrollment = user.enrollments.first()
        services.save_exit_indicators(
            enrollment,
            job_searching="no_answer",
            in_education="no",
            qualification_gained="yes",
            employed="yes"
            if user in a_employer[:6] or user == a_employer[-1]
            else "no",
        )

    results = shown(
        {t.key: t for t in esf_report(data.coordinator_a, {})}["esf_results"]
    )

    assert results["In employment, including self-employment, on leaving"] == ["6"]
    assert results["Gaining a qualification on leaving"] == ["7"]
    assert results["Job-searching on leaving"] == ["0"]
    assert results["Participants who answered the exit questions"] == ["7"]
