"""Opens, moves and cancels case supervision tasks to match the allocations (idempotent: run it
daily from the scheduler, ADR 7)."""

from django.core.management.base import BaseCommand

from hearth.workforce.services import case_supervision_tasks_sync


class Command(BaseCommand):
    help = "Give every allocated child one open case supervision task, due by their level of need"

    def handle(self, *args, **options):
        counts = case_supervision_tasks_sync(system_job="sync_case_supervision_tasks")
        self.stdout.write(", ".join(f"{k} {v}" for k, v in counts.items()))
