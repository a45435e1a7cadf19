"""A lost or changed phone: remove a member of staff's authenticator app, audited."""

from django.core.management.base import BaseCommand, CommandError

from hearth.accounts import two_factor
from hearth.accounts.models import User


class Command(BaseCommand):
    help = ("Remove a member of staff's authenticator app, so they set up a new one at their "
            "next sign-in. Check who is asking before you run it.")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No member of staff has the username {username!r}.")
        removed = two_factor.two_factor_reset(user=user, system_job="reset_two_factor")
        self.stdout.write(f"Removed {removed} authenticator app{'s' if removed != 1 else ''} "
                          f"for {username}; they will set up a new one when they next sign in.")
