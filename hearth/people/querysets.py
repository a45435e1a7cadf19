from django.apps import apps
from django.db import models


class PersonQuerySet(models.QuerySet):
    def children(self):
        return self.filter(is_child=True)

    def visible_to(self, user):
        """The records `user` may know exist. A restricted one only for those on its list."""
        if not user.is_authenticated or not user.has_perm("people.view_child"):
            return self.none()
        grants = apps.get_model("people", "RecordAccessGrant").objects.filter(user=user)
        return self.filter(
            models.Q(is_restricted=False) | models.Q(pk__in=grants.values("person_id"))
        )

    def hidden_from(self, user):
        """The records `user` may not know exist: everyone when they may see no child's
        record, else the restricted records they are not on the list of. The complement of
        visible_to, for excluding from a long list (`.exclude(child__in=...)`): it reads only
        the few restricted records, where visible_to used as `child__in` reads every person."""
        if not user.is_authenticated or not user.has_perm("people.view_child"):
            return self.all()
        grants = apps.get_model("people", "RecordAccessGrant").objects.filter(user=user)
        return self.filter(is_restricted=True).exclude(pk__in=grants.values("person_id"))
