"""The dashboard costs the same number of queries for 5 or 50 learners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Network, Organisation, OrganisationType, Region, User
from courses.models import Enrollment, EnrollmentStatus
from reports.facts import rebuild_participation
from tests.factories import make_course, make_course_index
from tests.reports.conftest import coordinator_of

pytestmark = pytest.mark.django_db


def add_learners(n: int, organisation, course, start: int) -> None:
    """Bulk-inserted learners, half of them completed, in one organisation.

    bulk_create bypasses the services, so the summary table is rebuilt as after
    any bulk import.
    """
    users = User.objects.bulk_create(
        User(
            email=f"load-{start + i}@example.org",
            last_name=f"Load {start + i}",
            organisation=organisation,
        )
        for i in range(n)
    )
    Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=course,
            course_key=course.translation_key,
            status=EnrollmentStatus.COMPLETED if i % 2 else EnrollmentStatus.ACTIVE,
        )
        for i, user in enumerate(users)
    )
    rebuild_participation()


@pytest.fixture
def setting(site_root):
    network = Network.objects.create(name="IQ Load", region=Region.NW)
    organisation = Organisation.objects.create(
        name="Load GmbH",
        organisation_type=OrganisationType.EMPLOYER,
        region=Region.NW,
        network=network,
    )
    course = make_course(make_course_index(site_root), "Load course", modules=1)
    return network, organisation, course


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_dashboard_query_count_does_not_grow_with_learners(
    setting, client, admin_user, django_assert_max_num_queries, role
):
    network, organisation, course = setting
    user = coordinator_of(network) if role == "coordinator" else admin_user
    client.force_login(user)
    url = reverse("reports_admin:dashboard")
    add_learners(5, organisation, course, start=0)
    client.get(url)  # warm caches (content types, site)

    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert response.status_code == 200
    assert b">5<" in response.content

    add_learners(45, organisation, course, start=5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert b">50<" in response.content
