"""Who may see which rows: the generic helper every app's scoping builds on.

A *scope* is a function ``user -> QuerySet`` of the rows that user may see or
choose. Each app defines the scopes of its own models beside them
(``courses/scoping.py``, ``certificates/scoping.py``, ...); the roles they test
live in ``accounts/roles.py``. This module applies a scope to everything Wagtail
generates for a model, so no listing can show more than its detail view opens:

- ``scope_viewset``: the listing, its results and its CSV/XLSX export (one index
  view), every single-object view (edit, delete, inspect, history, usage, copy,
  revisions...: 404 outside the scope) and, for snippets, the chooser;
- ``ChoosableOnlyFormMixin``: a form's model choices and the objects chosen in
  its StreamField and rich text, limited to what the user may choose.

The accounts app's own rules (the audit log) sit at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db.models import Model, Q, QuerySet
from django.forms import ModelChoiceField
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permissions import policy_registry

from .roles import sees_everything

Scope = Callable[[Any], QuerySet]

# Views that work on no existing object (or on many, like the index).
_VIEWS_WITHOUT_OBJECT = {"index", "add", "preview_on_add", "reorder"}


def within(scope: Scope, user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the rows of ``scope`` for ``user``."""
    return queryset.filter(pk__in=scope(user).values("pk"))


def in_scope(scope: Scope, user, instance: Model) -> bool:
    return scope(user).filter(pk=instance.pk).exists()


def scoped_index_view(view_class: type, scope: Scope) -> type:
    """An index view (listing, results, export) showing only rows in scope."""

    class ScopedIndex(view_class):
        def get_base_queryset(self):
            return within(scope, self.request.user, super().get_base_queryset())

    ScopedIndex.__name__ = ScopedIndex.__qualname__ = f"Scoped{view_class.__name__}"
    return ScopedIndex


def scoped_view(view_class: type, scope: Scope) -> type:
    """A single-object view that answers 404 for objects outside the scope."""

    class Scoped(view_class):
        def get_object(self, *args, **kwargs) -> Model:
            instance = super().get_object(*args, **kwargs)
            if instance is not None and not in_scope(
                scope, self.request.user, instance
            ):
                raise Http404
            return instance

    Scoped.__name__ = Scoped.__qualname__ = f"Scoped{view_class.__name__}"
    return Scoped


def scoped_chooser_viewset(chooser_viewset_class: type, scope: Scope) -> type:
    """A chooser that lists, searches and returns only objects in scope.

    The "chosen" views resolve an id typed into the URL, so they are narrowed
    too: a forged id answers 404 like one that does not exist.
    """

    class ScopedList:
        def get_object_list(self):
            return within(scope, self.request.user, super().get_object_list())

    class ScopedChosen:
        def get_object(self, pk):
            instance = super().get_object(pk)
            if not in_scope(scope, self.request.user, instance):
                raise ObjectDoesNotExist
            return instance

    class ScopedChosenMultiple:
        def get_objects(self, pks):
            return within(scope, self.request.user, super().get_objects(pks))

    base = chooser_viewset_class
    return type(
        f"Scoped{base.__name__}",
        (base,),
        {
            "choose_view_class": type(
                "ScopedChooseView", (ScopedList, base.choose_view_class), {}
            ),
            "choose_results_view_class": type(
                "ScopedChooseResultsView",
                (ScopedList, base.choose_results_view_class),
                {},
            ),
            "chosen_view_class": type(
                "ScopedChosenView", (ScopedChosen, base.chosen_view_class), {}
            ),
            "chosen_multiple_view_class": type(
                "ScopedChosenMultipleView",
                (ScopedChosenMultiple, base.chosen_multiple_view_class),
                {},
            ),
        },
    )


def scope_viewset(scope: Scope) -> Callable[[type], type]:
    """Class decorator for a ModelViewSet or SnippetViewSet: every view in scope.

    Wagtail's ModelViewSet never calls the viewset's ``get_queryset`` and its
    single-object views look objects up on the whole model, so both are
    narrowed here, for every ``*_view_class`` the viewset defines (including
    ones a later Wagtail version adds).
    """

    def decorate(viewset_class: type) -> type:
        for attribute in dir(viewset_class):
            if not attribute.endswith("_view_class"):
                continue
            name = attribute.removesuffix("_view_class")
            view_class = getattr(viewset_class, attribute, None)
            if not isinstance(view_class, type):
                continue  # a property built from another view (revisions_revert)
            if name == "index":
                setattr(viewset_class, attribute, scoped_index_view(view_class, scope))
            elif name not in _VIEWS_WITHOUT_OBJECT and hasattr(
                view_class, "get_object"
            ):
                setattr(viewset_class, attribute, scoped_view(view_class, scope))
        chooser = getattr(viewset_class, "chooser_viewset_class", None)
        if chooser is not None:
            viewset_class.chooser_viewset_class = scoped_chooser_viewset(chooser, scope)
        viewset_class.scope = staticmethod(scope)
        return viewset_class

    return decorate


# --- Choosing: collection members (images, documents, packages, templates) -----------


def choosable_scope(model: type[Model]) -> Scope | None:
    """The rows of ``model`` a user may choose, when Wagtail keeps them in collections.

    Images, documents, content packages and certificate templates have a
    collection permission policy; "choose" on a collection is what a course
    team's group holds. Other models (pages, networks) return None.
    """
    policy = policy_registry.get_by_type(model, fallback=False)
    if not isinstance(policy, CollectionPermissionLookupMixin):
        return None

    def choosable(user) -> QuerySet:
        return policy.instances_user_has_any_permission_for(user, ["choose"])

    return choosable


def _references(model_field, value) -> set[tuple[type[Model], str]]:
    if value is None or not hasattr(model_field, "extract_references"):
        return set()
    return {
        (model, str(pk)) for model, pk, *_paths in model_field.extract_references(value)
    }


class ChoosableOnlyFormMixin:
    """For Wagtail admin forms: choices and chosen objects limited to the user's scope.

    Foreign keys to collection members offer only what the user may choose (the
    current value stays valid, so a page keeps what it already had). Objects
    chosen inside StreamField and rich text fields (image, document and package
    choosers, document links) are checked in ``clean``: one that is neither
    choosable nor already there is refused with a message and nothing is saved.
    A collection field offers the collections the user may add to.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._restrict_model_choices()

    @property
    def _scope_user(self):
        return getattr(self, "for_user", None)

    def _restrict_model_choices(self) -> None:
        user = self._scope_user
        for name, field in self.fields.items():
            if not isinstance(field, ModelChoiceField):
                continue
            model = field.queryset.model
            current = self._current_pk(name)
            if name == "collection" and hasattr(self._meta.model, "collection"):
                field.queryset = self._collections_for(user, current)
                continue
            scope = choosable_scope(model)
            if scope is None:
                continue
            allowed = Q(pk__in=scope(user).values("pk")) if user else Q(pk__in=[])
            if current is not None:
                allowed |= Q(pk=current)
            field.queryset = field.queryset.filter(allowed)
        self._hide_a_single_collection()

    def _hide_a_single_collection(self) -> None:
        """Like Wagtail's image form: one possible collection is not a choice."""
        field = self.fields.get("collection")
        if field is None or not hasattr(self._meta.model, "collection"):
            return
        collections = list(field.queryset[:2])
        if len(collections) == 1:
            del self.fields["collection"]
            if not self.instance.pk:
                self.instance.collection = collections[0]

    def _current_pk(self, name: str):
        instance = getattr(self, "instance", None)
        if instance is None or not instance.pk:
            return None
        return getattr(instance, f"{name}_id", None)

    def _collections_for(self, user, current) -> QuerySet:
        from wagtail.models import Collection

        policy = policy_registry.get_by_type(self._meta.model, fallback=False)
        if user is None or policy is None:
            return Collection.objects.none()
        actions = ["add", "change"] if self.instance.pk else ["add"]
        collections = policy.collections_user_has_any_permission_for(user, actions)
        condition = Q(pk__in=collections.values("pk"))
        if current is not None:
            condition |= Q(pk=current)
        return Collection.objects.filter(condition).order_by("path")

    def clean(self):
        cleaned = super().clean()
        user = self._scope_user
        for name in list(cleaned):
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:  # a form-only field
                continue
            if not hasattr(model_field, "extract_references") or name in self.errors:
                continue
            chosen = _references(model_field, cleaned[name])
            already = _references(
                model_field, model_field.value_from_object(self.instance)
            )
            refused = self._refused(user, chosen - already)
            if refused:
                self.add_error(
                    name,
                    ValidationError(
                        _(
                            "You may only use images, documents and packages of "
                            "your course team here. Not allowed: %(items)s"
                        )
                        % {"items": ", ".join(refused)},
                        code="not_choosable",
                    ),
                )
        return cleaned

    @staticmethod
    def _refused(user, references: set[tuple[type[Model], str]]) -> list[str]:
        refused = []
        for model, pk in sorted(references, key=lambda ref: (ref[0].__name__, ref[1])):
            scope = choosable_scope(model)
            if scope is None:
                continue
            allowed = user is not None and scope(user).filter(pk=pk).exists()
            if not allowed:
                # Only the id: the title of someone else's object is not ours to show.
                refused.append(f"{model._meta.verbose_name} #{pk}")
        return refused


# --- The accounts app's own rules -----------------------------------------------------


def visible_audit_entries(user) -> QuerySet:
    """Administrators and the data-protection officer read the whole audit log;
    anyone else only what they did."""
    from .models import AuditEntry
    from .roles import Role, has_role

    if sees_everything(user) or has_role(user, Role.DATA_PROTECTION):
        return AuditEntry.objects.all()
    if not user.is_authenticated:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(actor=user)
