"""Which member of staff a URL names, for their supervision record. Senior practitioners and
team managers record the supervision of their own team's members; service managers anyone's.
Anyone else is a 404, the same as someone who does not exist."""

from django.contrib.auth import get_user_model
from django.http import Http404

ANY_TEAM_ROLES = frozenset({"service_manager"})


def may_supervise(user, worker) -> bool:
    if worker.pk == user.pk or not worker.is_active or not worker.role:
        return False
    return user.role in ANY_TEAM_ROLES or (user.team_id is not None
                                           and worker.team_id == user.team_id)


def access_staff_member(user, user_id: int):
    worker = get_user_model().objects.filter(pk=user_id).select_related("team").first()
    if worker is None or not may_supervise(user, worker):
        raise Http404("No member of staff found")
    return worker
