"""Creating and changing people: details, addresses, links, warnings, restriction."""

import uuid

from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.people import access, selectors, services
from hearth.people.forms import (
    AddressForm,
    EditPersonForm,
    EndDateForm,
    GrantAccessForm,
    NewPersonForm,
    RelationshipForm,
    RestrictForm,
    SearchForm,
    WarningForm,
)
from hearth.people.models import Person, PersonWarning, Relationship
from hearth.people.record_views import record_context, require_change
from hearth.people.search_views import criteria_from

PERSON_FORM_FIELDS = tuple(EditPersonForm.base_fields)


@requires("people.add_person")
def add_person_view(request):
    form = NewPersonForm(request.POST or None)
    duplicates = []
    link_to = _uuid_or_blank(request.GET.get("link_to", ""))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data["checked_duplicates"]:
            duplicates = selectors.possible_duplicates(
                visible=Person.objects.visible_to(request.user),
                first_name=data["first_name"], last_name=data["last_name"],
                date_of_birth=data.get("date_of_birth"), nhs_number=data.get("nhs_number"))
            services.people_listed(actor=request.user, people=duplicates,
                                   where="possible duplicates", code="CHILD_SEARCH_HIT")
        if duplicates:
            form.data = form.data.copy()
            form.data["checked_duplicates"] = "on"
        else:
            values = {k: v for k, v in data.items() if k != "checked_duplicates"}
            person = save_or_show(form, lambda: services.person_create(actor=request.user,
                                                                        **values))
            if person:
                messages.success(request, f"{person.full_name}'s record was created")
                if link_to:
                    return redirect(f"/people/{link_to}/links/add/?other={person.uuid}")
                return redirect(person)
    return render(request, "people/person_form.html",
                  {"form": form, "duplicates": duplicates, "creating": True})


@requires("people.change_person")
def edit_person_view(request, person_uuid):
    context = record_context(request, person_uuid, "summary")
    require_change(request, context)
    person = context["person"]
    initial = {f: getattr(person, f) for f in PERSON_FORM_FIELDS if hasattr(person, f)}
    initial["is_child"] = "yes" if person.is_child else "no"
    initial["seen"] = signing.dumps(services.person_snapshot(person))
    form = EditPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "seen")}
        try:
            services.person_update(person=person, actor=request.user,
                                   seen_version=form.cleaned_data["version"],
                                   seen_values=form.cleaned_data["seen"], **values)
        except services.StaleRecord as stale:
            form.add_error(None, stale.message)
            context["stale_changes"] = stale.changed
            # The next save is checked against what they have now been shown.
            form.data = form.data.copy()
            form.data["version"] = str(person.version)
            form.data["seen"] = initial["seen"]
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The details were saved")
            return redirect(person)
    context.update(form=form, creating=False)
    return render(request, "people/person_form.html", context)


@requires("people.change_person")
def add_address_view(request, person_uuid):
    context = record_context(request, person_uuid, "addresses")
    require_change(request, context)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = context["person"]
        if save_or_show(form, lambda: services.address_add(person=person, actor=request.user,
                                                            **form.cleaned_data)):
            messages.success(request, "The address was added")
            return redirect("people:person_addresses", person_uuid)
    context["form"] = form
    return render(request, "people/address_form.html", context)


@requires("people.change_person")
def add_relationship_view(request, person_uuid):
    context = record_context(request, person_uuid, "family")
    require_change(request, context)
    other_uuid = request.GET.get("other") or request.POST.get("other")
    if not other_uuid:
        return _choose_other_person(request, context)
    other = access.access_person(request.user, other_uuid)
    form = RelationshipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = context["person"]
        if save_or_show(form, lambda: services.relationship_add(
                person=person, other=other, actor=request.user, **form.cleaned_data)):
            messages.success(request, f"{person.full_name} and {other.full_name} were linked")
            return redirect("people:person_family", person_uuid)
    context.update(form=form, other=other)
    return render(request, "people/relationship_form.html", context)


def _choose_other_person(request, context):
    form = SearchForm(request.GET if "q" in request.GET else None)
    results = []
    if form.is_bound and form.is_valid():
        results = [p for p in selectors.person_search(
            visible=Person.objects.visible_to(request.user),
            criteria=criteria_from(form.cleaned_data))[:20] if p.pk != context["person"].pk]
        services.people_listed(actor=request.user, people=results, where="link search",
                               code="CHILD_SEARCH_HIT")
    context.update(form=form, results=results)
    return render(request, "people/relationship_choose.html", context)


@requires("people.change_person")
def end_relationship_view(request, person_uuid, link_id):
    context = record_context(request, person_uuid, "family")
    require_change(request, context)
    link = get_object_or_404(Relationship, pk=link_id, person=context["person"],
                             end_date__isnull=True)
    form = EndDateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        end_date = form.cleaned_data["end_date"]
        if end_date < (link.start_date or end_date):
            form.add_error("end_date", "The link cannot end before it started")
        else:
            services.relationship_end(relationship=link, actor=request.user, end_date=end_date)
            messages.success(request, "The link was ended")
            return redirect("people:person_family", person_uuid)
    context.update(form=form, link=link)
    return render(request, "people/relationship_end.html", context)


@requires("people.manage_warnings")
def add_warning_view(request, person_uuid):
    context = record_context(request, person_uuid, "summary")
    form = WarningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = context["person"]
        if save_or_show(form, lambda: services.warning_add(person=person, actor=request.user,
                                                            **form.cleaned_data)):
            messages.success(request, "The warning was added")
            return redirect(person)
    context["form"] = form
    return render(request, "people/warning_form.html", context)


@requires("people.manage_warnings")
def end_warning_view(request, person_uuid, warning_id):
    context = record_context(request, person_uuid, "summary")
    warning = get_object_or_404(PersonWarning, pk=warning_id, person=context["person"])
    form = EndDateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        save_or_show(form, lambda: services.warning_end(
            warning=warning, actor=request.user, end_date=form.cleaned_data["end_date"]))
        if not form.errors:
            messages.success(request, "The warning was ended")
            return redirect(context["person"])
    context.update(form=form, warning=warning)
    return render(request, "people/warning_end.html", context)


@requires("people.manage_restricted_access")
def record_access_view(request, person_uuid):
    context = record_context(request, person_uuid, "summary")
    person = context["person"]
    restrict_form = RestrictForm(request.POST if "restrict" in request.POST else None)
    grant_form = GrantAccessForm(request.POST if "grant" in request.POST else None)
    if request.method == "POST":
        done = _change_access(request, person, restrict_form, grant_form)
        if done:
            messages.success(request, done)
            return redirect("people:record_access", person_uuid)
    context.update(restrict_form=restrict_form, grant_form=grant_form,
                   grants=person.access_grants.select_related("user", "granted_by"))
    return render(request, "people/record_access.html", context)


def _change_access(request, person, restrict_form, grant_form) -> str | None:
    if "restrict" in request.POST and restrict_form.is_valid():
        services.record_restrict(person=person, actor=request.user,
                                 reason=restrict_form.cleaned_data["reason"])
        return "The record is now restricted to its access list"
    if "unrestrict" in request.POST:
        services.record_unrestrict(person=person, actor=request.user)
        return "The restriction was lifted"
    if "grant" in request.POST and grant_form.is_valid():
        if save_or_show(grant_form, lambda: services.record_access_grant(
                person=person, actor=request.user, user=grant_form.cleaned_data["username"],
                reason=grant_form.cleaned_data["reason"])):
            return "They were added to the access list"
    if "revoke" in request.POST:
        grant = person.access_grants.filter(pk=request.POST.get("revoke")).first()
        if grant is None:
            raise Http404
        services.record_access_revoke(person=person, user=grant.user, actor=request.user)
        return "They were removed from the access list"
    return None


def _uuid_or_blank(text: str) -> str:
    """A person's UUID from the address, or "" (it is put into a redirect)."""
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return ""
