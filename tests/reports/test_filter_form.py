"""The organisation filter: thousands of options, written without templates."""

import pytest

from accounts.models import Network, Organisation, OrganisationType, Region
from reports.forms import ReportFilterForm
from tests.reports.conftest import coordinator_of

pytestmark = pytest.mark.django_db


def test_organisation_filter_marks_the_choice_and_escapes_names(admin_user):
    network = Network.objects.create(name="IQ Nord", region=Region.NW)
    chosen = Organisation.objects.create(
        name="Jobcenter <Nord> & Co",
        organisation_type=OrganisationType.JOBCENTER,
        region=Region.NW,
        network=network,
    )
    Organisation.objects.create(
        name="Arbeitgeber",
        organisation_type=OrganisationType.EMPLOYER,
        region=Region.NW,
        network=network,
    )
    form = ReportFilterForm(admin_user, data={"organisation": str(chosen.pk)})
    assert form.is_valid()
    html = str(form["organisation"])

    assert 'name="organisation"' in html
    assert 'id="id_organisation"' in html
    option = f'<option value="{chosen.pk}" selected>Jobcenter &lt;Nord&gt; &amp; Co'
    assert option in html
    assert html.count("selected") == 1
    assert html.index("Arbeitgeber") < html.index("Jobcenter")  # by name


def test_a_coordinator_is_offered_only_organisations_of_their_networks():
    own = Network.objects.create(name="IQ Nord", region=Region.NW)
    other = Network.objects.create(name="IQ Süd", region=Region.BY)
    for name, network in (("Eigene GmbH", own), ("Fremde GmbH", other)):
        Organisation.objects.create(
            name=name,
            organisation_type=OrganisationType.EMPLOYER,
            region=network.region,
            network=network,
        )
    form = ReportFilterForm(coordinator_of(own))
    html = str(form["organisation"])
    assert "Eigene GmbH" in html
    assert "Fremde GmbH" not in html
    foreign = Organisation.objects.get(name="Fremde GmbH")
    bound = ReportFilterForm(coordinator_of(own), data={"organisation": foreign.pk})
    assert not bound.is_valid()
    assert "organisation" in bound.errors
