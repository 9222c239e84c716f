import re

import pytest
from django.core import mail
from django.urls import reverse

from teilhabe.accounts.models import Role, User
from teilhabe.core.models import MailStatus, OutgoingMail
from tests.factories import PASSWORD, CoordinatorFactory, UserFactory
from tests.failing_mail import LOCMEM, REFUSING

LOGIN = reverse("accounts:login")


def _login(client, email, password=PASSWORD):
    return client.post(LOGIN, {"username": email, "password": password})


def test_login_with_email_any_case(client, coordinator, process):
    response = _login(client, coordinator.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboards:dashboard")


def test_wrong_password_shows_error_in_german(client, coordinator):
    response = _login(client, coordinator.email, "wrong-password")
    assert response.status_code == 200
    assert "E-Mail-Adresse oder Passwort ist falsch" in response.text


def test_wrong_password_in_english(client, coordinator):
    client.cookies["django_language"] = "en"
    response = _login(client, coordinator.email, "wrong-password")
    assert "E-mail address or password is wrong" in response.text


def test_login_is_throttled_after_repeated_failures(client, coordinator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, coordinator.email, "wrong-password")
    # Even the right password is refused while the lockout lasts.
    response = _login(client, coordinator.email)
    assert response.status_code == 429
    assert "gesperrt" in response.text
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client, db):
    user = UserFactory(is_active=False)
    response = _login(client, user.email)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_mail_and_link_works(client, coordinator):
    response = client.post(reverse("accounts:password_reset"), {"email": coordinator.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    new = "ein-neues-Passwort-2026"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password(new)


def test_password_reset_for_unknown_address_reveals_nothing(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_logout_requires_post(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


class TestProfile:
    url = reverse("accounts:profile")

    def test_anonymous_redirected(self, client, db):
        assert client.get(self.url).status_code == 302

    def test_change_name_and_language(self, client, coordinator):
        client.force_login(coordinator)
        response = client.post(
            self.url, {"full_name": "Sabine Wolf-Neu", "preferred_language": "en"}
        )
        assert response.status_code == 302
        coordinator.refresh_from_db()
        assert coordinator.full_name == "Sabine Wolf-Neu"
        assert coordinator.preferred_language == "en"

    def test_name_required(self, client, coordinator):
        client.force_login(coordinator)
        response = client.post(self.url, {"full_name": "", "preferred_language": "de"})
        assert response.status_code == 200
        assert "Dieses Feld ist zwingend erforderlich" in response.text

    def test_wrong_method(self, client, coordinator):
        client.force_login(coordinator)
        assert client.delete(self.url).status_code == 405


class TestInvite:
    url = reverse("programmes:invite")

    def test_anonymous_redirected(self, client, db):
        assert client.get(self.url).status_code == 302

    @pytest.mark.parametrize("role_fixture", ["facilitator", "team_member"])
    def test_forbidden_roles(self, request, client, role_fixture):
        client.force_login(request.getfixturevalue(role_fixture))
        assert client.get(self.url).status_code == 403
        assert client.get(reverse("programmes:people")).status_code == 403

    def test_coordinator_invites_team_member_of_own_municipality(
        self, client, coordinator, other_municipality, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.url,
                {
                    "full_name": "Lena Neu",
                    "email": "Lena.Neu@Example.org",
                    "role": Role.TEAM_MEMBER,
                    # A coordinator cannot place people in another municipality.
                    "municipality": other_municipality.pk,
                    "preferred_language": "de",
                },
            )
        assert response.status_code == 302
        user = User.objects.get(email="lena.neu@example.org")
        assert user.municipality == coordinator.municipality
        assert not user.has_usable_password()
        assert len(mail.outbox) == 1
        assert "Passwort" in mail.outbox[0].body
        assert "/accounts/password/reset/" in mail.outbox[0].body

    def test_invitation_survives_a_failing_mail_server(
        self, client, settings, office, django_capture_on_commit_callbacks
    ):
        settings.EMAIL_BACKEND = REFUSING
        client.force_login(office)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.url,
                {
                    "full_name": "Kim Moderation",
                    "email": "kim@example.org",
                    "role": Role.FACILITATOR,
                    "preferred_language": "en",
                },
            )
        assert response.status_code == 302
        assert response["Location"] == reverse("programmes:people")
        assert User.objects.filter(email="kim@example.org").exists()
        outgoing = OutgoingMail.objects.get(recipient="kim@example.org")
        assert outgoing.status == MailStatus.FAILED
        assert "Connection refused" in outgoing.last_error
        assert outgoing.caused_by == office
        assert mail.outbox == []

        settings.EMAIL_BACKEND = LOCMEM
        retry = reverse("dashboards:mail_send_again", args=[outgoing.pk])
        assert retry in client.get(reverse("dashboards:dashboard")).text
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(retry).status_code == 302
        (message,) = mail.outbox
        assert message.to == ["kim@example.org"]
        assert message.subject.endswith("invites you to Teilhabe")
        assert "/accounts/password/reset/" in message.body

    def test_coordinator_cannot_create_facilitators(self, client, coordinator):
        client.force_login(coordinator)
        response = client.post(
            self.url,
            {
                "full_name": "X",
                "email": "x@example.org",
                "role": Role.FACILITATOR,
                "preferred_language": "de",
            },
        )
        assert response.status_code == 200
        assert not User.objects.filter(email="x@example.org").exists()

    def test_office_invites_coordinator_needs_municipality(self, client, office):
        client.force_login(office)
        response = client.post(
            self.url,
            {
                "full_name": "Ohne Ort",
                "email": "ort@example.org",
                "role": Role.COORDINATOR,
                "preferred_language": "de",
            },
        )
        assert response.status_code == 200
        assert not User.objects.filter(email="ort@example.org").exists()

    def test_duplicate_email_refused(self, client, office, coordinator):
        client.force_login(office)
        response = client.post(
            self.url,
            {
                "full_name": "Doppelt",
                "email": coordinator.email.upper(),
                "role": Role.FACILITATOR,
                "preferred_language": "en",
            },
        )
        assert response.status_code == 200
        assert User.objects.filter(email__iexact=coordinator.email).count() == 1

    def test_office_invites_facilitator_in_english(
        self, client, office, django_capture_on_commit_callbacks
    ):
        client.force_login(office)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.url,
                {
                    "full_name": "Kim Moderation",
                    "email": "kim@example.org",
                    "role": Role.FACILITATOR,
                    "preferred_language": "en",
                },
            )
        assert response.status_code == 302
        assert "invites you to Teilhabe" in mail.outbox[0].subject

    def test_people_list_scoped(self, client, coordinator, team_member, outsider):
        client.force_login(coordinator)
        response = client.get(reverse("programmes:people"))
        assert team_member.full_name in response.text
        assert outsider.full_name not in response.text

    def test_people_list_query_count(self, client, coordinator, django_assert_max_num_queries):
        client.force_login(coordinator)
        CoordinatorFactory.create_batch(3, municipality=coordinator.municipality)
        with django_assert_max_num_queries(8) as small:
            client.get(reverse("programmes:people"))
        CoordinatorFactory.create_batch(15, municipality=coordinator.municipality)
        with django_assert_max_num_queries(len(small.captured_queries)):
            client.get(reverse("programmes:people"))


def test_preferred_language_is_used_without_language_cookie(client, coordinator):
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    response = client.get(reverse("accounts:profile"))
    assert '<html lang="en">' in response.text


def test_language_switch_overrides_profile(client, coordinator):
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    response = client.get(reverse("accounts:profile"))
    assert '<html lang="de">' in response.text


def test_invitation_mail_is_plain_text_without_html_escaping(
    client, office, municipality, process, django_capture_on_commit_callbacks
):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("programmes:invite"),
            {
                "full_name": "Anna Müller & Co",
                "email": "anna@example.org",
                "role": Role.COORDINATOR,
                "municipality": municipality.pk,
                "preferred_language": "de",
            },
        )
    assert "Anna Müller & Co" in mail.outbox[0].body
    assert "&amp;" not in mail.outbox[0].body
