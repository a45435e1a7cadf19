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
