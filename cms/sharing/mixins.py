"""`ShareKitMixin`: the share kit routes of a page type (`share/`, `share/card/`, `share/relay/`)."""

from __future__ import annotations

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.sharing import texts


class ShareKitMixin(RoutablePageMixin):
    """Gives a page its share kit. The routes stay thin: `cms.sharing.views` does the work.

    `share_summary_fields` name the fields whose first non-empty value is the default key message.
    """

    share_summary_fields: tuple[str, ...] = ("summary", "abstract", "introduction")

    def share_title(self) -> str:
        return self.title

    def share_summary(self) -> str:
        for name in self.share_summary_fields:
            value = texts.plain(getattr(self, name, ""))
            if value:
                return value
        return texts.plain(self.search_description)

    @path("share/", name="share_kit")
    def share_kit_view(self, request):
        from cms.sharing import views

        return views.share_kit(request, self)

    @path("share/card/", name="share_card")
    def share_card_view(self, request):
        from cms.sharing import views

        return views.card(request, self)

    @path("share/relay/", name="share_relay")
    def share_relay_view(self, request):
        from cms.sharing import views

        return views.relay(request, self)
