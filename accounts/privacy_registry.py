"""GDPR: every app with personal data contributes a `privacy` module.

A `<app>/privacy.py` defines `export_personal_data(user) -> dict` (JSON-safe) and
`erase_personal_data(user) -> None`. Export collects all sections; erasure runs
every app's part and then anonymises the account row itself, in one transaction.
"""

from collections.abc import Callable
from importlib import import_module
from types import ModuleType

from django.apps import apps


def privacy_modules() -> list[tuple[str, ModuleType]]:
    modules = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.privacy":
                raise
            continue
        modules.append((config.label, module))
    return modules


def providers(name: str) -> list[tuple[str, Callable]]:
    return [
        (label, getattr(module, name))
        for label, module in privacy_modules()
        if hasattr(module, name)
    ]


# What each privacy module declares about the models (by "app_label.Model"):
#   HOLDS_PERSONAL_DATA = {"courses.ReflectionEntry": "deleted on erasure", ...}
#   NO_PERSONAL_DATA = {"courses.CoursePage": "course content", ...}
# tests/accounts/test_privacy_registry.py fails for any model declared in
# neither, so a new table cannot be forgotten by erasure and retention.


KINDS = (("HOLDS_PERSONAL_DATA", True), ("NO_PERSONAL_DATA", False))


def declarations() -> dict[str, tuple[str, bool, str]]:
    """Every declared model: label -> (declaring app, holds personal data, how)."""
    declared: dict[str, tuple[str, bool, str]] = {}
    for label, module in privacy_modules():
        for attribute, holds in KINDS:
            for model_label, note in getattr(module, attribute, {}).items():
                if model_label in declared:
                    raise ValueError(f"{model_label} is declared twice.")
                declared[model_label] = (label, holds, note)
    return declared
