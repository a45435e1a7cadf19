from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    template_name = "govuk/forms/form.html"
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask your system administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "spellcheck": "false", "autofocus": True})
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"})


class TwoFactorCodeForm(forms.Form):
    """The 6-digit code an authenticator app shows."""

    template_name = "govuk/forms/form.html"
    code = forms.CharField(
        label="Code from your authenticator app", max_length=6, min_length=6,
        help_text="The 6 digits your app shows now, for example 123456.",
        error_messages={"required": "Enter the code from your authenticator app",
                        "min_length": "Enter all 6 digits of the code",
                        "max_length": "Enter the 6 digits of the code only"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "spellcheck": "false", "autofocus": True,
                                      "class": "govuk-input--width-5"}))

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError("The code is 6 digits: enter numbers only")
        return code
