"""The project's own admin parts are named and labelled (issue 22).

The project's reports menu must not reuse Wagtail's menu name "reports" (two
menus "Berichte", one element id twice); every date of the certificate filter
has a visible label, not only a placeholder.
"""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_admin_menus_have_distinct_names_and_labels(rf, admin_user):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override("de"):
        items = admin_menu.menu_items_for_request(request)
        names = [item.name for item in items]
        labels = [str(item.label) for item in items]
    assert "iq-participation-reports" in names
    assert len(names) == len(set(names)), f"a menu name twice: {names}"
    assert len(labels) == len(set(labels)), f"a menu label twice: {labels}"
    assert "Teilnahmeberichte" in labels and "Berichte" in labels


def test_certificate_date_filter_labels_each_date(client, admin_user):
    client.force_login(admin_user)
    with translation.override("de"):
        html = client.get("/admin/certificates_admin/").content.decode()
    for suffix, text in (("from", "Ausgestellt ab"), ("to", "Ausgestellt bis")):
        field = re.search(rf'<input[^>]*name="issued_at_{suffix}"[^>]*>', html)
        assert field, f"no date field issued_at_{suffix}"
        field_id = re.search(r'id="([^"]+)"', field.group(0)).group(1)
        assert re.search(rf'<label[^>]*for="{field_id}"[^>]*>\s*{text}', html), text
