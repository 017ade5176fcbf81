"""Every table is declared to the privacy registry, so erasure cannot forget one.

A new model (or a new table) fails here until its app's privacy module says
whether it holds personal data and, if so, what erasure does with it. Files are
covered by tests/accounts/test_erasure_everywhere.py, which opens every file
below the media folders after an erasure.
"""

from django.apps import apps
from django.db import connection

from accounts.privacy_registry import declarations, providers


def test_every_model_says_whether_it_holds_personal_data():
    declared = declarations()
    labels = {model._meta.label for model in apps.get_models()}

    assert sorted(labels - declared.keys()) == []
    # Declared but absent: only the SQLite search index, on PostgreSQL.
    assert sorted(declared.keys() - labels) in (
        [],
        ["wagtailsearch.SQLiteFTSIndexEntry"],
    )


def test_every_table_belongs_to_a_declared_model(db):
    """Tables without a model class of their own are many-to-many links."""
    declared = declarations()
    owners = {}
    for model in apps.get_models(include_auto_created=True):
        owner = model
        if model._meta.auto_created:
            owner = model._meta.auto_created
        owners[model._meta.db_table] = owner._meta.label
    tables = set(connection.introspection.table_names())
    unknown = sorted(
        t for t in tables if t not in owners and t not in {"django_migrations"}
    )
    # The SQLite full-text index keeps shadow tables of its virtual table.
    unknown = [t for t in unknown if not t.startswith("wagtailsearch_indexentry_fts")]
    assert unknown == []
    assert {owners[t] for t in tables if t in owners} <= declared.keys()


def test_every_app_that_holds_personal_data_can_export_and_erase_it():
    declared = declarations()
    holding_apps = {app for app, holds, _note in declared.values() if holds}
    exporting = {label for label, _f in providers("export_personal_data")}
    erasing = {label for label, _f in providers("erase_personal_data")}

    assert holding_apps <= exporting
    assert holding_apps <= erasing
