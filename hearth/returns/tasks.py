"""The returns' background tasks (django-tasks, ADR 0029): each carries a ReturnJob's id."""

from django_tasks import task


@task()
def run_return_job(job_id: str) -> None:
    from hearth.returns import jobs

    jobs.return_job_run(job_id=job_id)
