"""The register of residential and supported-accommodation providers, and a provider's page
with the children placed there now (read from care's current episodes by URN)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.fostering import selectors, services
from hearth.fostering.access import access_provider
from hearth.fostering.forms import ProviderForm, ProviderListForm
from hearth.fostering.models import Provider
from hearth.people import services as people_services
from hearth.people.models import Person

PAGE_SIZE = 25


@requires("fostering.view_providers")
def provider_register_view(request):
    form = ProviderListForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ProviderFilters(query=data.get("q", ""), kind=data.get("kind", ""),
                                        registration=data.get("registration", ""),
                                        sort=data.get("sort") or "name")
    page = Paginator(selectors.provider_list(filters), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "fostering/providers.html", {
        "form": form, "page_obj": page,
        "query_params": query_params(request)})


@requires("fostering.view_providers")
def provider_view(request, provider_id):
    provider = access_provider(request.user, provider_id)
    children = []
    if request.user.has_perm("people.view_child"):
        children = selectors.children_placed_with_provider(
            provider, visible_children=Person.objects.visible_to(request.user))
        people_services.people_listed(actor=request.user, people=[e.child for e in children],
                                      where="provider register")
    services.provider_viewed(actor=request.user, provider=provider)
    return render(request, "fostering/provider.html", {"provider": provider,
                                                       "episodes": children})


def _provider_form(request, *, provider: Provider | None):
    initial = {f: getattr(provider, f) for f in services.PROVIDER_FIELDS} if provider else {}
    form = ProviderForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if provider is None:
            save = lambda: services.provider_record(actor=request.user,  # noqa: E731
                                                    **form.cleaned_data)
        else:
            save = lambda: services.provider_update(provider=provider,  # noqa: E731
                                                    actor=request.user, **form.cleaned_data)
        saved = save_or_show(form, save)
        if saved:
            messages.success(request, f"{saved.name} saved on the register")
            return redirect("fostering:provider", saved.pk)
    cancel = (reverse("fostering:provider", args=[provider.pk]) if provider
              else reverse("fostering:provider_register"))
    return render(request, "fostering/form.html", {
        "form": form, "form_title": f"Change {provider.name}" if provider else "Add a provider",
        "submit_label": "Save", "cancel_url": cancel})


@requires("fostering.manage_providers")
def add_provider_view(request):
    return _provider_form(request, provider=None)


@requires("fostering.manage_providers")
def edit_provider_view(request, provider_id):
    return _provider_form(request, provider=access_provider(request.user, provider_id))
