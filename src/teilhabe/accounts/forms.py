from django import forms
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
