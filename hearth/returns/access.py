"""Who may open a return's background job: anyone who may build the returns. For anyone else
a job is not found, the same answer as for a job that does not exist (ADR 0003)."""

from django.http import Http404

from hearth.returns.models import ReturnJob

PERMISSION = "returns.export_returns"


def access_return_job(user, job_id) -> ReturnJob:
    if not user.has_perm(PERMISSION):
        raise Http404("No such job")
    try:
        return ReturnJob.objects.select_related("requested_by").defer("file").get(pk=job_id)
    except (ReturnJob.DoesNotExist, ValueError, TypeError):
        raise Http404("No such job") from None
