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
