"""Keeping, giving back and throwing away drafts; each write with its audit event."""

import datetime as dt

from django.db import transaction
from django.urls import Resolver404, resolve

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.drafts.models import Draft

AUDIT_EVERY = dt.timedelta(minutes=5)
MAX_FIELDS = 200
MAX_CHARACTERS = 200_000  # far more than the longest assessment; refuses a flood
NOT_KEPT = {"csrfmiddlewaretoken", "draft_path", "password"}


def form_page(path: str) -> str:
    """`path` if it is one of Hearth's pages with a form worth keeping, else DomainError."""
    if not path.startswith("/") or path.startswith(("/drafts/", "/api/", "//")):
        raise DomainError("Drafts are kept for Hearth's own form pages only.")
    try:
        match = resolve(path)
    except Resolver404 as error:
        raise DomainError("There is no page at that address to keep a draft of.") from error
    if match.url_name in ("login", "logout", "two_factor_verify", "two_factor_setup"):
        raise DomainError("Drafts are not kept for signing in.")
    return path


def kept_fields(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    kept = {name: values for name, values in fields.items() if name not in NOT_KEPT}
    if len(kept) > MAX_FIELDS:
        raise DomainError(f"A draft can keep at most {MAX_FIELDS} fields.")
    if sum(len(name) + sum(len(v) for v in values) for name, values in kept.items()) \
            > MAX_CHARACTERS:
        raise DomainError("This draft is too long to keep.")
    return kept


@transaction.atomic
def draft_save(*, author, path: str, fields: dict[str, list[str]]) -> Draft:
    path, fields, now = form_page(path), kept_fields(fields), clock.now()
    draft = Draft.objects.select_for_update().filter(author=author, form_path=path).first()
    if draft is None:
        draft = Draft.objects.create(author=author, form_path=path, fields=fields, saved_at=now,
                                     audited_at=now)
        _audit(author, "DRAFT_SAVED", draft)
        return draft
    draft.fields, draft.saved_at = fields, now
    if now - draft.audited_at >= AUDIT_EVERY:
        draft.audited_at = now
        _audit(author, "DRAFT_SAVED", draft)
    draft.save(update_fields=["fields", "saved_at", "audited_at"])
    return draft


@transaction.atomic
def draft_restored(*, author, path: str) -> Draft | None:
    """The author's draft of the form at `path`, if any (audited as given back)."""
    draft = Draft.objects.filter(author=author, form_path=path).first()
    if draft is not None:
        _audit(author, "DRAFT_RESTORED", draft)
    return draft


@transaction.atomic
def draft_discard(*, author, path: str) -> bool:
    draft = Draft.objects.filter(author=author, form_path=path).first()
    if draft is None:
        return False
    _audit(author, "DRAFT_DISCARDED", draft)
    draft.delete()
    return True


def drafts_done(*, author, path: str) -> int:
    """The form at `path` was saved: its draft has done its job (no event: the save has one)."""
    deleted, _ = Draft.objects.filter(author=author, form_path=path).delete()
    return deleted


def _audit(author, code: str, draft: Draft) -> None:
    Auditor(author).record(code, draft, child_id=_child_id(draft.form_path),
                           detail={"form": draft.form_path})


def _child_id(path: str) -> int | None:
    from hearth.people.models import Person

    person_uuid = resolve(path).kwargs.get("person_uuid")
    if person_uuid is None:
        return None
    return Person.objects.filter(uuid=person_uuid).values_list("pk", flat=True).first()
