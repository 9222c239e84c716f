from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.models import User


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "E-mail address or password is wrong. Please try again; after several "
            "failed attempts, logging in is blocked for a while."
        ),
    }


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Used for password reset and for accepting an invitation."""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "phone", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No choice yet means: the browser's language (not "---------").
        self.fields["preferred_language"].choices = [
            ("", _("As my browser asks (German otherwise)")),
            *settings.LANGUAGES,
        ]


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six-digit code from your authenticator app, or a recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class TwoFactorSetupForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        help_text=_("The six-digit code your authenticator app now shows for Teilhabe."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
