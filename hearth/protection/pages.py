"""What the child protection pages share: a form posted to one service, or nothing to do."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from hearth.core.errors import DomainError

FORM_TEMPLATE = "protection/form.html"


def form_page(request, context: dict, *, form, save: Callable[[dict], Any], title: str,
              success: str, intro: tuple[str, ...] = (), submit: str = "Save") -> HttpResponse:
    """Shows `form`; a valid post goes to `save`, whose broken rules come back on the form
    with everything typed kept."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.service_values())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, success)
            return redirect("protection:child_protection", context["person"].uuid)
    return render(request, FORM_TEMPLATE, {**context, "form": form, "form_title": title,
                                           "intro": intro, "submit_label": submit})


def nothing_to_do(request, context: dict, *, title: str, message: str) -> HttpResponse:
    return render(request, FORM_TEMPLATE, {**context, "form": None, "form_title": title,
                                           "nothing_to_do": message})
