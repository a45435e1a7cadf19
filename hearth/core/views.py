from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from hearth.core import selectors
from hearth.core.audit import Auditor
from hearth.core.forms_audit import AuditSearchForm
from hearth.core.permissions import requires, signed_in


@signed_in
def home(request):
    from hearth.cases.selectors import my_caseload

    context = {}
    if request.user.has_perm("cases.view_team_caseload"):
        rows = my_caseload(user=request.user)
        page = Paginator(rows, 25).get_page(request.GET.get("page"))
        context["page_obj"] = page
        from hearth.people.services import people_listed

        people_listed(actor=request.user, people=[a.child for a in page.object_list],
                      where="my caseload")
    return render(request, "core/home.html", context)


@requires("core.view_audit_trail")
def audit_trail(request):
    form = AuditSearchForm(request.GET or None)
    events = selectors.audit_event_list(form.cleaned_data if form.is_valid() else {})
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    if request.GET:
        Auditor(request.user).record("AUDIT_TRAIL_SEARCHED",
                                     detail={k: v for k, v in request.GET.items() if v})
    params = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(request, "core/audit_trail.html",
                  {"form": form, "page_obj": page, "query_params": params})


def _for_api(request) -> bool:
    """An address under /api/ is answered in JSON, as the OpenAPI document says, even when no
    API view was reached (an address that matches no route)."""
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _for_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "errors/404.html", status=404)


def forbidden(request, exception=None):
    if _for_api(request):
        return JsonResponse({"detail": "You do not have permission to do this."}, status=403)
    return render(request, "errors/403.html", status=403)


def server_error(request):
    if _for_api(request):
        return JsonResponse({"detail": "Sorry, there is a problem with the service. Nothing "
                                       "was half-saved."}, status=500)
    return render(request, "errors/500.html", status=500)
