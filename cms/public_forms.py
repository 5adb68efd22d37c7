"""The response flow of every public form, in one place (with `cms.forms.ProtectedFormMixin` and
the limiter `cms.ratelimit`):

* GET: the empty form (200).
* invalid: 400 with the form, what was typed and the errors (the error summary takes the focus).
* limited (counted just before acting, valid submissions only unless `counts` says otherwise):
  429 with Retry-After and a message saying when to try again; what was typed is kept and no
  validation error is shown (an error could tell whether an address is registered).
* spam (the honeypot filled in): nothing is recorded, the visitor gets the same answer as a valid
  submission (`spam(form)`, answered like `save`; by default `done_url`), so a bot learns nothing.
* valid: `save(form)` records it; it may return the response or the address to go to (anything
  else: `done_url`). A refusal found while saving is added to the form as an error: 400 with the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import Promise

from cms.ratelimit import ALLOWED, Decision, Limit

Render = Callable[[dict, int], HttpResponse]
F = TypeVar("F", bound=forms.Form)


def form_context(form: forms.Form | None, decision: Decision = ALLOWED) -> dict:
    """What the form templates read: the form, and the limiter's message and time when refused."""
    return {"form": form, "rate_limited": decision.message, "retry_at": decision.retry_at}


def renderer(request: HttpRequest, template: str, context: dict | Callable[[], dict]) -> Render:
    """A `render` for `protected_form_response`: `template` with `context` and the form's context."""

    def render(extra: dict, status: int) -> HttpResponse:
        base = context() if callable(context) else context
        return TemplateResponse(request, template, {**base, **extra}, status=status)

    return render


def _kept(form: forms.Form) -> forms.Form:
    """The bound form with what was typed and no validation errors (shown when limited)."""
    form.errors  # noqa: B018 (validate first, so clearing sticks)
    form._errors = forms.utils.ErrorDict()  # type: ignore[attr-defined]  # Django sets it in full_clean()
    return form


def protected_form_response(
    request: HttpRequest,
    form: F,
    *,
    limit: Limit,
    render: Render,
    save: Callable[[F], object],
    done_url: str | None = None,
    spam: Callable[[F], object] | None = None,
    counts: Callable[[forms.Form], bool] | None = None,
) -> HttpResponse:
    """Answer a public form (see the module docstring). `render(extra_context, status)` renders the
    page with the form; `counts(form)` says whether an invalid submission counts against the limit
    too (by default only valid ones do)."""
    if request.method != "POST":
        return render(form_context(form), 200)
    valid = form.is_valid()
    if valid or (counts is not None and counts(form)):
        decision = limit.hit(request)
        if not decision:
            return decision.mark(render(form_context(_kept(form), decision), 429))
    if not valid:
        return render(form_context(form), 400)
    if getattr(form, "is_spam", False):
        answer = spam(form) if spam else None
    else:
        answer = save(form)
        if form.errors:
            return render(form_context(form), 400)
    if isinstance(answer, HttpResponse):
        return answer
    return redirect(str(answer) if isinstance(answer, str | Promise) else done_url or request.path)
