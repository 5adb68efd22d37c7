from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.models import Keyword, SustainableDevelopmentGoal


class SustainableDevelopmentGoalViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = gettext_lazy("Development Goals")
    list_display = ["number", "title", "locale"]
    list_filter = ["locale"]


register_snippet(SustainableDevelopmentGoalViewSet)


class KeywordViewSet(SnippetViewSet):
    """Practice keywords; translators translate them here like other snippets (wagtail-localize)."""

    model = Keyword
    icon = "tag"
    menu_label = gettext_lazy("Keywords")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the database's own search: keywords are not in the search index
    ordering = ["name"]


register_snippet(KeywordViewSet)


def _unreviewed_message(page) -> str:
    return _(
        "“%(title)s” has not passed expert review, so it cannot be published yet. Your changes are saved "
        "as a draft: submit it to the Expert review workflow."
    ) % {"title": page.title}


def _unreviewed(pages) -> list:
    return [page for page in pages if getattr(page, "requires_expert_review", False) and not page.is_reviewed()]


# The rule itself is enforced in PracticePage.publish (cms.models.reviews.ExpertReviewRequiredMixin),
# whatever the path; these hooks only answer the admin's own publish actions with a clear message.
@hooks.register("before_publish_page")
def require_expert_review(request, page):
    """A practice goes public only after experts approved it: publishing is refused until then."""
    specific = page.specific
    if _unreviewed([specific]):
        messages.error(request, _unreviewed_message(specific))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_unreviewed(request, action_type, objects, action_class_instance):
    """The bulk publish action (with or without child pages) publishes nothing when a practice in it
    has not passed expert review, and says which."""
    if action_type != "publish":
        return None
    pages = [page.specific for page in objects if isinstance(page, Page)]
    if action_class_instance.cleaned_form.cleaned_data.get("include_descendants"):
        for page in list(pages):
            pages += list(page.get_descendants().not_live().specific())
    refused = _unreviewed(pages)
    if refused:
        for page in refused:
            messages.error(request, _unreviewed_message(page))
        return redirect(action_class_instance.next_url)
    return None
