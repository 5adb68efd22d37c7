from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.models import PracticePage, SustainableDevelopmentGoal


class SustainableDevelopmentGoalViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = gettext_lazy("Development Goals")
    list_display = ["number", "title", "locale"]
    list_filter = ["locale"]


register_snippet(SustainableDevelopmentGoalViewSet)


@hooks.register("before_publish_page")
def require_expert_review(request, page):
    """A practice goes public only after experts approved it: publishing is refused until then."""
    specific = page.specific
    if isinstance(specific, PracticePage) and not specific.is_reviewed():
        messages.error(
            request,
            _(
                "“%(title)s” has not passed expert review, so it cannot be published yet. Your changes are saved "
                "as a draft: submit it to the Expert review workflow."
            )
            % {"title": specific.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
