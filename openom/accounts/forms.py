from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    username = forms.CharField(label="Username", max_length=150)
    password = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is disabled. Ask your system administrator.",
    }


class TwoFactorCodeForm(forms.Form):
    """The 6-digit code from an authenticator app, checked against one TOTP device."""

    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "govuk-input govuk-input--width-5 govuk-input--extra-letter-spacing",
            }
        ),
        error_messages={"required": "Enter the 6-digit security code from your authenticator app"},
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).replace("-", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the security code as 6 numbers, like 123456")
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                "You have entered too many wrong codes. Wait a minute, then enter the newest code"
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                "The security code is not correct or has expired. Enter the newest code from your authenticator app"
            )
        return code
