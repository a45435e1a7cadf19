"""Reads for the returns pages: the people behind the child IDs a failure list shows."""

from hearth.people.models import Person


def children_by_la_id(la_child_ids) -> dict[str, Person]:
    ids = {i for i in la_child_ids if i}
    return {p.la_child_id: p for p in Person.objects.filter(is_child=True,
                                                            la_child_id__in=ids)}


def return_jobs(return_name: str):
    """A return's background builds, newest first (without the files)."""
    from hearth.returns.models import ReturnJob

    return (ReturnJob.objects.filter(return_name=return_name).select_related("requested_by")
            .defer("file", "outcome"))


def return_job_latest_finished(return_name: str, *, year=None, as_at=None):
    from hearth.returns.models import ReturnJob

    jobs = ReturnJob.objects.filter(return_name=return_name, status=ReturnJob.Status.FINISHED)
    jobs = jobs.filter(year=year) if year is not None else jobs.filter(as_at=as_at)
    return jobs.defer("file").order_by("-finished_at", "-pk").first()
