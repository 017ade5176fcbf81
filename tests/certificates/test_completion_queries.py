"""The course-completing pass (the last module's “Done”): how many queries it costs.

The last module's completion also completes the course and issues the
certificate (the PDF and the email are tasks queued on commit). Issue 15 asks
for at most 10 queries; measured on 2026-12-02 it took 45 (SQLite and
PostgreSQL alike), 47 once the ESF+ exit step and the enrolment/certificate
email work of the same day were merged. This test pins that figure as a
ceiling that may only go down: a change that adds a query fails here.
"""

from django.urls import reverse

from certificates.models import Certificate
from courses import services as course_services

# Measured 45. Where they go: the module's completion (locks, attendance rules,
# progress UPDATEs; 13), the course's completion (2), the certificate (template
# revision, organisation, network, score, locale, code check, INSERT, re-read; 12),
# Wagtail's reference index for the certificate (5), the participation fact (2),
# savepoints and releases (8) and the redirect target (5). Target of issue 15: 10.
COMPLETING_PASS_QUERIES = 47


def test_the_completing_pass_issues_the_certificate_within_its_query_ceiling(
    client, named_learner, course, django_assert_max_num_queries
):
    first, last = course.get_modules()
    course_services.enrol(named_learner, course)
    course_services.complete_module(named_learner, first)
    client.force_login(named_learner)
    client.get(last.url)  # warm the caches a learner's earlier visits warmed
    client.post(reverse("courses:module_seen", args=[last.pk]))
    url = reverse("courses:complete_module", args=[last.pk])
    with django_assert_max_num_queries(COMPLETING_PASS_QUERIES) as captured:
        response = client.post(url)
    assert response.status_code == 302
    # The pass did complete the course and issue exactly one certificate.
    assert Certificate.objects.filter(user=named_learner).count() == 1
    assert len(captured) <= COMPLETING_PASS_QUERIES
