"""Audit of access: staff views that show a named person's data log each look.

``record_access`` (accounts.services) writes one append-only entry per view;
``audit_viewset`` adds it to a Wagtail ModelViewSet's listing, export and
inspect views in one line, the way ``scope_viewset`` narrows them.
"""

from collections.abc import Callable, Iterable

from .services import record_access


def subject_ids(objects: Iterable, field: str) -> list[int]:
    """The people behind a page of rows (``field`` is the row's user field;
    an empty ``field`` means the rows are the people themselves)."""
    if not field:
        return [row.pk for row in objects]
    values_list = getattr(objects, "values_list", None)
    if values_list is not None:
        return [pk for pk in values_list(f"{field}_id", flat=True) if pk]
    return [pk for pk in (getattr(row, f"{field}_id", None) for row in objects) if pk]


def audited_index_view(view_class: type, what: str, field: str) -> type:
    class AuditedIndexView(view_class):
        def render_to_response(self, context, **response_kwargs):
            response = super().render_to_response(context, **response_kwargs)
            export = self.request.GET.get("export") if self.is_export else ""
            record_access(
                self.request.user,
                what=f"{what}.export" if export else f"{what}.list",
                subjects=subject_ids(context.get("object_list") or [], field),
                detail={"format": export} if export else None,
            )
            return response

    AuditedIndexView.__name__ = view_class.__name__
    return AuditedIndexView


def audited_inspect_view(view_class: type, what: str, field: str) -> type:
    class AuditedInspectView(view_class):
        def get(self, request, *args, **kwargs):
            response = super().get(request, *args, **kwargs)
            record_access(
                request.user,
                what=f"{what}.inspect",
                subject=getattr(self.object, field, None),
                detail={"object": self.object.pk},
            )
            return response

    AuditedInspectView.__name__ = view_class.__name__
    return AuditedInspectView


def audit_viewset(what: str, *, field: str = "user") -> Callable[[type], type]:
    """Class decorator: the viewset's listing, export and inspect views are audited."""

    def decorate(viewset_class: type) -> type:
        viewset_class.index_view_class = audited_index_view(
            viewset_class.index_view_class, what, field
        )
        viewset_class.inspect_view_class = audited_inspect_view(
            viewset_class.inspect_view_class, what, field
        )
        return viewset_class

    return decorate
