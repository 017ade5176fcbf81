"""Admin: upload, list and delete content packages (snippets, so blocks choose them)."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, SnippetViewSet

from accounts.scoping import ChoosableOnlyFormMixin, scope_viewset
from learning.admin import MENU_ORDER

from . import services
from .admin_backlog import backlog_view, may_view_backlog
from .external import upload_report
from .models import ContentPackage
from .scoping import permission_policy, visible_packages
from .validation import inspect_package

# Before any view asks: packages are kept in collections, like images.
register_permission_policy(ContentPackage, permission_policy)


class ContentPackageForm(ChoosableOnlyFormMixin, WagtailAdminModelForm):
    """Title, the team's collection and, when adding, the package file, fully
    checked before saving."""

    package_file = forms.FileField(
        label=_("Package file"),
        help_text=_(
            "An .h5p file, or a SCORM 1.2 / 2004 package as a .zip with "
            "imsmanifest.xml at its top level."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p,.zip"}),
    )

    class Meta:
        model = ContentPackage
        fields = ["title", "collection"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.inspection = None
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave empty to use the title stored in the package."
        )
        if self.instance.pk:
            del self.fields["package_file"]
            self.fields["title"].required = True

    def clean_package_file(self):
        upload = self.cleaned_data["package_file"]
        try:
            self.inspection = inspect_package(upload, upload.name)
        except ValidationError as exc:
            raise ValidationError(
                _("The package was not saved: %(reason)s")
                % {"reason": " ".join(exc.messages)},
                code=exc.code if hasattr(exc, "code") else "invalid",
            ) from exc
        return upload


class ContentPackageCreateView(CreateView):
    def save_instance(self):
        upload = self.form.cleaned_data["package_file"]
        return services.store_package(
            upload,
            filename=upload.name,
            title=self.form.cleaned_data.get("title") or "",
            user=self.request.user,
            inspection=self.form.inspection,
            # Chosen, or the only collection the form did not ask about.
            collection=self.form.cleaned_data.get("collection")
            or self.form.instance.collection,
        )

    def get_success_message(self, instance):
        message = super().get_success_message(instance)
        inspection = self.form.inspection
        for line in upload_report(inspection.external_resources if inspection else []):
            message = f"{message} {line}"
        if instance.has_sequencing:
            message = "{} {}".format(
                message,
                _(
                    "Note: the package declares SCORM 2004 sequencing. Of its "
                    "navigation only “continue” and “previous” are supported; "
                    "other sequencing rules are ignored, each part is played and "
                    "tracked on its own and the learner opens it from the table "
                    "of contents."
                ),
            )
        return message


class ContentPackageDeleteView(DeleteView):
    def delete_action(self):
        services.delete_package(self.object)


@scope_viewset(visible_packages)
class ContentPackageViewSet(SnippetViewSet):
    model = ContentPackage
    icon = "media"
    menu_label = _("Content packages")
    menu_name = "content_packages"
    add_to_admin_menu = True
    menu_order = MENU_ORDER["content_packages"]
    add_view_class = ContentPackageCreateView
    delete_view_class = ContentPackageDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "title",
        "kind",
        "collection",
        "schema_version",
        "file_count",
        "uploaded_at",
    ]
    list_filter = ["kind"]
    list_export = [
        "title",
        "kind",
        "schema_version",
        "original_filename",
        "launch_path",
        "file_count",
        "total_size",
        "uploaded_at",
    ]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("collection"), FieldPanel("package_file")],
        base_form_class=ContentPackageForm,
    )


register_snippet(ContentPackageViewSet)


class BacklogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_backlog(request.user)


@hooks.register("register_admin_urls")
def register_backlog_url():
    return [path("xapi-backlog/", backlog_view, name="content_packages_xapi_backlog")]


@hooks.register("register_settings_menu_item")
def register_backlog_menu_item():
    return BacklogMenuItem(
        _("xAPI forwarding backlog"),
        reverse("content_packages_xapi_backlog"),
        icon_name="resubmit",
        order=900,
    )
