"""The care leavers list's filters, read the same way by the page and the API."""

from hearth.leaving_care import selectors
from hearth.leaving_care.forms import CareLeaverListForm


def list_filters(params) -> tuple[CareLeaverListForm, selectors.CareLeaverFilters]:
    """The filter form and the filters it gives (the API reads the same query parameters)."""
    form = CareLeaverListForm(params or None, advisers=selectors.personal_advisers())
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.CareLeaverFilters(
        adviser_id=getattr(data.get("adviser"), "pk", None), category=data.get("category", ""),
        in_touch=data.get("in_touch", ""), overdue=bool(data.get("overdue")),
        waiting_for_adviser=bool(data.get("waiting")), sort=data.get("sort") or "name")
