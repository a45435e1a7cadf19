from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import selectors, services
from hearth.people.forms import SearchForm
from hearth.people.models import Person

PAGE_SIZE = 20


def criteria_from(data: dict) -> selectors.SearchCriteria:
    text = data.get("q", "").strip()
    looks_like_identifier = any(ch.isdigit() for ch in text)
    return selectors.SearchCriteria(
        name="" if looks_like_identifier else text,
        identifier=text if looks_like_identifier else "",
        date_of_birth=data.get("date_of_birth"),
        children_only=bool(data.get("children_only")),
    )


@requires("people.search_people")
def search_view(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "searched": False}
    if request.GET and form.is_valid():
        ids = selectors.person_search_ids(visible=Person.objects.visible_to(request.user),
                                          criteria=criteria_from(form.cleaned_data))
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = selectors.people_in_order(list(page.object_list))
        services.people_listed(actor=request.user, people=page.object_list,
                               where="search", code="CHILD_SEARCH_HIT")
        context.update(searched=True, page_obj=page,
                       query_params=query_params(request))
    return render(request, "people/search.html", context)
