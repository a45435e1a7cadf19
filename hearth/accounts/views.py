from django.contrib.auth import views as auth_views

from hearth.accounts.forms import SignInForm
from hearth.core.permissions import PERMISSION_ATTRIBUTE, PUBLIC


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


setattr(SignInView, PERMISSION_ATTRIBUTE, PUBLIC)
SignInView.login_required = False


class SignOutView(auth_views.LogoutView):
    pass


setattr(SignOutView, PERMISSION_ATTRIBUTE, "__signed_in__")
