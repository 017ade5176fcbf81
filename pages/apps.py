from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .cache import bump_content_version

        # Cached navigation is keyed by a content version; these events change it.
        for signal in (page_published, page_unpublished, page_slug_changed):
            signal.connect(bump_content_version, dispatch_uid=f"bump-{signal!r}")
        post_page_move.connect(bump_content_version, dispatch_uid="bump-move")
        post_delete.connect(
            bump_content_version, sender=Page, dispatch_uid="bump-delete"
        )
        # Cached lesson fragments show images, documents and content packages
        # chosen in blocks: a replaced file or a new title must show at once.
        # The cached site of a host (pages.middleware) and a page's cached view
        # restrictions (pages.restrictions) follow changes to either.
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        for model in (
            "wagtailcore.Site",
            "wagtailcore.PageViewRestriction",
            get_image_model(),
            get_document_model(),
            "content_packages.ContentPackage",
        ):
            label = model if isinstance(model, str) else model._meta.label
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"bump-{signal!r}-{label}",
                )
