"""The child's Foster carers section: which household their foster placements were with, and
the form that links the current foster placement to a household."""

from django.contrib import messages
from django.shortcuts import redirect, render

from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.fostering import selectors, services
from hearth.fostering.codes import FOSTER_PLACEMENTS
from hearth.fostering.forms import LinkForm
from hearth.people.record_views import record_context

SECTION = "fostering"


@requires("people.view_child")
def child_fostering_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    episode = selectors.current_episode_for(child)
    context.update(episode=episode, links=selectors.foster_placements_of(child),
                   can_link=_can_link(episode))
    return render(request, "fostering/child_fostering.html", context)


def _can_link(episode) -> bool:
    return (episode is not None and episode.placement_type in FOSTER_PLACEMENTS
            and not hasattr(episode, "fostering_household_link"))


@requires("fostering.link_placement")
def link_placement_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    episode = selectors.current_episode_for(child)
    context.update(episode=episode, cancel_url=f"/fostering/child/{child.uuid}/",
                   form_title="Record who the child is placed with",
                   submit_label="Link the placement")
    if not _can_link(episode):
        context["refusal"] = ("The child has no current foster placement (U1 to U6) waiting "
                              "to be linked to a household.")
        return render(request, "fostering/child_form.html", context)
    form = LinkForm(request.POST or None, households=selectors.households_that_can_take(child))
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.placement_link(
                episode=episode, household=form.cleaned_data["household"],
                actor=request.user)):
            messages.success(request, "Placement linked to the household")
            return redirect("fostering:child_fostering", child.uuid)
    context["form"] = form
    return render(request, "fostering/child_form.html", context)
