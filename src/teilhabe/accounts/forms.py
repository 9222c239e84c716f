from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.models import MUNICIPAL_ROLES, Role, User


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


class InviteForm(forms.ModelForm):
    """Invite a person. The roles offered depend on who invites (see __init__)."""

    class Meta:
        model = User
        fields = ["full_name", "email", "role", "municipality", "job_title", "preferred_language"]
        help_texts = {
            "preferred_language": _("The invitation e-mail is written in this language."),
        }

    def __init__(self, *args, inviter: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fields["role"].required = True
        if inviter.is_coordinator:
            # Coordinators build their own team, in their own municipality.
            self.fields["role"].choices = [
                (Role.TEAM_MEMBER, Role.TEAM_MEMBER.label),
                (Role.COORDINATOR, Role.COORDINATOR.label),
            ]
            del self.fields["municipality"]
        else:
            self.fields["role"].choices = [("", "---------"), *Role.choices]
            from teilhabe.programmes.models import Municipality

            self.fields["municipality"].queryset = Municipality.objects.in_scope_of(inviter)
            self.fields["municipality"].help_text = _("Required for coordinators and team members.")

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("A person with this e-mail address already has an account.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if self.inviter.is_coordinator:
            # Only municipal roles are offered, so the inviter's municipality fits.
            if role in MUNICIPAL_ROLES:
                cleaned["municipality"] = self.instance.municipality = self.inviter.municipality
            return cleaned
        if role in MUNICIPAL_ROLES and not cleaned.get("municipality"):
            self.add_error("municipality", _("Choose the municipality this person works for."))
        elif role and role not in MUNICIPAL_ROLES and cleaned.get("municipality"):
            self.add_error(
                "municipality", _("Only coordinators and team members belong to a municipality.")
            )
        return cleaned
