"""The GOV.UK widget tag renders plain selects itself: the same select Django would render
(name, id, classes, hint and error links, required, the chosen option), without a template per
option."""

import re

import pytest
from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.core.templatetags import govuk


class KindForm(GovukForm):
    kind = forms.ChoiceField(label="Task", help_text="Which task",
                             choices=[("", "All tasks"), ("visit", "Visit & <see>"),
                                      ("review", "Review")])
    optional = forms.ChoiceField(required=False, choices=[("1", "One"), ("2", "Two")])
    grouped = forms.ChoiceField(choices=[("Plans", [("cp", "Child protection")])])


def as_django(bound_field, monkeypatch) -> str:
    monkeypatch.setattr(govuk, "_select", lambda bound, attrs: bound.as_widget(attrs=attrs))
    return str(govuk.govuk_widget(bound_field))


def parts(html: str) -> tuple[str, dict, list[str]]:
    """The select's tag name, its attributes (in any order) and its options, spacing aside."""
    opening = re.match(r"<select ([^>]*)>", html.strip()).group(1)
    attrs = dict(re.findall(r'([\w-]+)(?:="([^"]*)")?', opening))
    options = re.findall(r"<option[^>]*>.*?</option>", html)
    return "select", attrs, options


@pytest.mark.parametrize("data", [None, {"kind": "visit", "optional": "2"}, {"kind": "nope"}])
@pytest.mark.parametrize("name", ["kind", "optional"])
def test_a_plain_select_is_what_django_would_render(data, name, monkeypatch):
    form = KindForm(data)
    if data:
        form.is_valid()
    fast = str(govuk.govuk_widget(form[name]))
    assert parts(fast) == parts(as_django(form[name], monkeypatch))


def test_the_chosen_option_is_selected_and_labels_are_escaped():
    form = KindForm({"kind": "visit"})
    form.is_valid()
    html = str(govuk.govuk_widget(form["kind"]))
    assert '<option value="visit" selected>Visit &amp; &lt;see&gt;</option>' in html
    assert html.count(" selected") == 1


def test_an_invalid_choice_shows_its_error_on_the_select():
    form = KindForm({"kind": "nope"})
    assert not form.is_valid()
    _tag, attrs, _options = parts(str(govuk.govuk_widget(form["kind"])))
    assert attrs["class"] == "govuk-select govuk-select--error"
    assert attrs["aria-describedby"] == "id_kind-hint id_kind-error"
    assert attrs["aria-invalid"] == "true"


def test_grouped_choices_are_left_to_django():
    html = str(govuk.govuk_widget(KindForm()["grouped"]))
    assert '<optgroup label="Plans">' in html


@pytest.mark.parametrize("parts", [["1", "99999999999999999999", "2026"],
                                   ["99999999999999999999", "1", "2026"],
                                   ["1", "1", "99999999999999999999"], ["31", "2", "2026"],
                                   ["1", "1", "26"], ["x", "1", "2026"]])
def test_an_impossible_date_is_a_form_error_not_a_crash(parts):
    with pytest.raises(forms.ValidationError, match="Enter a real date"):
        GovukDateField().clean(parts)
