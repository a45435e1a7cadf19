"""The drafts endpoint the form script (hearth/static/hearth/drafts.mjs) talks to.

Every answer is JSON. Only the author ever reads a draft back: the queries are by the signed-in
user, so another person's draft does not exist for them.
"""

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hearth.core.errors import DomainError
from hearth.core.permissions import signed_in
from hearth.drafts import services

# Nothing kept: an empty answer, not a 404, which browsers log as an error on every form page.
NO_DRAFT = 204


@signed_in
@require_POST
def save_draft_view(request):
    fields = {name: request.POST.getlist(name) for name in request.POST}
    try:
        draft = services.draft_save(author=request.user, path=request.POST.get("draft_path", ""),
                                    fields=fields)
    except DomainError as refused:
        return JsonResponse({"detail": str(refused)}, status=400)
    return JsonResponse({"saved_at": _time(draft.saved_at)})


@signed_in
@require_GET
def draft_view(request):
    try:
        path = services.form_page(request.GET.get("path", ""))
    except DomainError as refused:
        return JsonResponse({"detail": str(refused)}, status=400)
    draft = services.draft_restored(author=request.user, path=path)
    if draft is None:
        return HttpResponse(status=NO_DRAFT)
    return JsonResponse({"fields": draft.fields, "saved_at": _time(draft.saved_at)})


@signed_in
@require_POST
def discard_draft_view(request):
    discarded = services.draft_discard(author=request.user,
                                       path=request.POST.get("draft_path", ""))
    return JsonResponse({"discarded": discarded})


def _time(moment) -> str:
    return f"{timezone.localtime(moment):%H:%M} on {timezone.localtime(moment):%-d %B %Y}"
