"""Helpers shared by the consultation, comment and moderation tests (plain functions, not fixtures)."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import timezone
from wagtail.models import Locale

from community.factories import CommentFactory
from community.models import Comment, ConsultationIndexPage, ConsultationPage, ConsultationSection
from tests.tooling import CHROMIUM_ARGS, axe_source, chromium_path

_numbers = itertools.count(1)
SECTIONS = [("housing-costs", "Housing costs"), ("tenants", "Tenants' rights")]


def period(state: str) -> dict:
    now = timezone.now()
    day = datetime.timedelta(days=1)
    return {
        "open": {"opens_at": now - day, "closes_at": now + 30 * day},
        "closed": {"opens_at": now - 60 * day, "closes_at": now - day},
        "upcoming": {"opens_at": now + day, "closes_at": now + 30 * day},
    }[state]


def make_consultation(
    *, moderation: str = "post", state: str = "open", question: str = "What works where you live?", translations=()
) -> ConsultationPage:
    """A published consultation under the English demo index, with two sections, and its
    translations (copies made the way wagtail-localize makes them, sections keeping their keys)."""
    index = ConsultationIndexPage.objects.get(locale__language_code="en")
    number = next(_numbers)
    page = ConsultationPage(
        title=f"Consultation {number}",
        slug=f"test-consultation-{number}",
        question=question,
        moderation=moderation,
        locale=index.locale,
        **period(state),
    )
    page.sections = [
        ConsultationSection(anchor=anchor, heading=heading, body=f"<p>{heading}: the draft.</p>", locale=index.locale)
        for anchor, heading in SECTIONS
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    for language in translations:
        locale = Locale.objects.get(language_code=language)
        copy = page.copy_for_translation(locale)
        copy.title = f"{page.title} ({language})"
        copy.save_revision().publish()
    return page


def version(page: ConsultationPage, language: str) -> ConsultationPage:
    return page.get_translation(Locale.objects.get(language_code=language))


def url(page: ConsultationPage, language: str = "en", route: str = "") -> str:
    target = page if page.locale.language_code == language else version(page, language)
    return target.url + route


def section(page: ConsultationPage, anchor: str, language: str = "en") -> ConsultationSection:
    target = page if page.locale.language_code == language else version(page, language)
    return target.sections.get(anchor=anchor)


def comment_on(page: ConsultationPage, **kwargs) -> Comment:
    return CommentFactory(consultation=page, **kwargs)


def axe_violations(documents: dict[str, bytes]) -> dict[str, list]:
    """axe-core in Chromium on already rendered pages, stylesheets served from the static files.

    Render the pages first: Playwright's event loop and Django's ORM cannot share the thread.
    """
    executable = chromium_path()
    source = axe_source()
    from playwright.sync_api import sync_playwright

    by_path = {f"document{number}": (name, content) for number, (name, content) in enumerate(documents.items())}
    types = {".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".js": "text/javascript"}

    def serve(route, request) -> None:
        path = request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        found = finders.find(path.removeprefix("static/")) if path.startswith("static/") else None
        if path in by_path:
            route.fulfill(body=by_path[path][1], content_type="text/html; charset=utf-8")
        elif found:
            route.fulfill(body=Path(found).read_bytes(), content_type=types.get(Path(found).suffix, "text/plain"))
        else:
            route.abort()

    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.route("**/*", serve)
        for path, (name, _content) in by_path.items():
            tab.goto(f"http://testserver/{path}")
            tab.add_script_tag(content=source)
            result = tab.evaluate("async () => await axe.run(document)")
            found = [(item["id"], [node["target"] for node in item["nodes"]]) for item in result["violations"]]
            if found:
                violations[name] = found
        browser.close()
    return violations
