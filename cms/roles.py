"""Who may do what: the staff groups, their page permissions per locale tree, and the workflows.

Groups and global permissions are created by the data migration `cms/0003_locales_roles_and_workflows`;
the per-locale parts (a translator group's rights on its locale's tree, the expert-review workflow
on each locale's reports and practices trees) follow the pages as they are created, through
`cms.signals`, and `sync_all()` brings an existing database up to date.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

EDITORS = "Editors"
EXPERT_REVIEWERS = "Expert reviewers"
MODERATORS = "Moderators"
JURY = "Jury"
ACCREDITED_JOURNALISTS = "Accredited journalists"
EXPERT_REVIEW_WORKFLOW = "Expert review"
EXPERT_REVIEW_TASK = "Expert review"
EDITORIAL_SIGN_OFF = "Editorial sign-off"

# Page permissions a translator group gets on the tree of its own locale only.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]


def translators_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def translator_language(group_name: str) -> str | None:
    if group_name.startswith("Translators (") and group_name.endswith(")"):
        return group_name[len("Translators (") : -1]
    return None


def is_locale_root(page: Page) -> bool:
    return page.depth == 2


@transaction.atomic
def grant_translator_permissions(locale_root: Page) -> None:
    """Translators of a locale may edit every page in that locale's tree, and nothing else."""
    group = Group.objects.filter(name=translators_group_name(locale_root.locale.language_code)).first()
    if group is None:
        return
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=locale_root, permission=permission)


def assign_expert_review(page: Page) -> None:
    """Every locale's copy of an expert-reviewed tree gets the "Expert review" workflow."""
    workflow = Workflow.objects.filter(name=EXPERT_REVIEW_WORKFLOW).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def page_created(page: Page) -> None:
    specific_class = page.specific_class
    if is_locale_root(page):
        grant_translator_permissions(page)
    if specific_class is not None and getattr(specific_class, "expert_reviewed_tree", False):
        assign_expert_review(page)


def sync_all() -> None:
    """Idempotently apply the per-locale rules to every existing page they concern."""
    for locale in Locale.objects.all():
        for root in Page.objects.filter(depth=2, locale=locale):
            grant_translator_permissions(root)
    for page in Page.objects.filter(depth__gt=2).specific(defer=True):
        if getattr(type(page), "expert_reviewed_tree", False):
            assign_expert_review(page)
