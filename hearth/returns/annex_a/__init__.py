"""Ofsted's Annex A: the child-level lists (1 to 11) an authority gives inspectors at the start
of an ILACS inspection, one module per version of Ofsted's template (template_2023.py, ...).

`for_template(key)` gives the template's module: its lists, their sheet names, column names and
look-back windows. The rows come from `rows.py` (template-independent facts keyed by the
template's column names) and the workbook from `workbook.py`. A new Ofsted template is a new
module here, and the old one keeps working for a resubmission.
"""

from types import ModuleType

from hearth.returns.annex_a import template_2023

TEMPLATES: dict[str, ModuleType] = {template_2023.KEY: template_2023}
CURRENT = template_2023.KEY


class UnsupportedTemplate(LookupError):
    pass


def for_template(key: str | None = None) -> ModuleType:
    key = key or CURRENT
    try:
        return TEMPLATES[key]
    except KeyError:
        known = ", ".join(sorted(TEMPLATES))
        raise UnsupportedTemplate(
            f"Hearth has no Annex A template {key!r}. It has: {known}.") from None
