from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.fallbacks import exclude_fallbacks
from cms.links import absolute_url, page_url
from cms.models.reviews import without_unreviewed


class MultilingualSitemap(Sitemap):
    """Every public page of every language, each with `xhtml:link` hreflang alternates to its live
    translations (and `x-default`, the English one), as Google documents for multilingual sites.

    Wagtail's own sitemap lists one locale's tree; practices that have not passed expert review
    are left out like drafts.
    """

    def public_pages(self):
        site = self.get_wagtail_site()
        in_a_tree = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_a_tree |= Q(path__startswith=root.path)
        # Fallbacks (aliases) are the original's content under another prefix: only real pages.
        return without_unreviewed(exclude_fallbacks(Page.objects.live().public().filter(in_a_tree)))

    def items(self):
        return self.public_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        siblings = (
            self.public_pages()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
        )
        for sibling in siblings:
            translations[sibling.translation_key].append(
                (sibling.locale.language_code, page_url(sibling, self.request))
            )
        urls, last_mods = [], set()
        for item in items:
            alternates = [{"lang_code": code, "location": url} for code, url in translations[item.translation_key]]
            default = [alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE]
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default[0]["location"]})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(
                    {
                        **url_info,
                        "location": absolute_url(urlsplit(url_info["location"]).path),
                        "alternates": alternates if len(alternates) > 1 else [],
                    }
                )
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
