"""Which complaint a URL names, for this user: a complaint that names a child the user may not
see (a restricted record they are not on the list for) is a 404, exactly as for one that does
not exist (ADR 3)."""

from django.db.models import Prefetch
from django.http import Http404

from hearth.complaints.models import Complaint, ComplaintStage
from hearth.complaints.querysets import hidden_children


def access_complaint(user, complaint_id) -> Complaint:
    try:
        complaint = (Complaint.objects
                     .select_related("team", "responding_manager", "service_manager",
                                     "receiving_officer", "recorded_by")
                     .prefetch_related(Prefetch("stages", queryset=ComplaintStage.objects
                                                .select_related("learning", "responded_by",
                                                                "extended_by",
                                                                "reason_checked_by")),
                                       "children")
                     .get(pk=complaint_id))
    except (Complaint.DoesNotExist, ValueError, TypeError):
        raise Http404("No complaint found") from None
    if Complaint.objects.filter(pk=complaint.pk, children__in=hidden_children(user)).exists():
        raise Http404("No complaint found")
    return complaint


def access_stage(complaint: Complaint, stage_id) -> ComplaintStage:
    for stage in complaint.stages.all():
        if str(stage.pk) == str(stage_id):
            return stage
    raise Http404("No such stage of this complaint")
