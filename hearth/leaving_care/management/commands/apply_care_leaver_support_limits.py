"""Run daily: at 21 (no request for support to 25) and at 25 a care leaver's clocks change."""

from django.core.management.base import BaseCommand

from hearth.core import clock
from hearth.leaving_care.services import support_limits_apply


class Command(BaseCommand):
    help = "Close care leavers' review and adviser tasks at 21 and every clock at 25."

    def handle(self, *args, **options):
        changed = support_limits_apply(today=clock.today())
        self.stdout.write(f"{changed} care leaver{'s' if changed != 1 else ''} changed")
