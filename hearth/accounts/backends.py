from django.contrib.auth.backends import ModelBackend

from hearth.accounts.roles import permissions_for


class RoleBackend(ModelBackend):
    """Username and password sign-in; permissions from the role table, never from groups.

    Single sign-on (OpenID Connect) slots in as another backend beside this one.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        return set(permissions_for(user_obj.role))

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)
