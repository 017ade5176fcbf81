"""The organisation filter: thousands of options, written without templates."""

import pytest

from accounts.models import Network, Organisation, OrganisationType, Region
from reports.forms import ReportFilterForm
from tests.factories import OrganisationFactory
from tests.reports.conftest import coordinator_of

pytestmark = pytest.mark.django_db


def test_organisation_filter_marks_the_choice_and_escapes_names(admin_user):
    network = Network.objects.create(name="IQ Nord", region=Region.NW)
    chosen = OrganisationFactory(
        name="Jobcenter <Nord> & Co",
        organisation_type=OrganisationType.JOBCENTER,
        network=network,
    )
    OrganisationFactory(name="Arbeitgeber", network=network)
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
        OrganisationFactory(name=name, region=network.region, network=network)
    form = ReportFilterForm(coordinator_of(own))
    html = str(form["organisation"])
    assert "Eigene GmbH" in html
    assert "Fremde GmbH" not in html
    foreign = Organisation.objects.get(name="Fremde GmbH")
    bound = ReportFilterForm(coordinator_of(own), data={"organisation": foreign.pk})
    assert not bound.is_valid()
    assert "organisation" in bound.errors
