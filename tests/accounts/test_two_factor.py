"""Two-factor authentication: who must use it, setting it up, entering codes."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.accounts import services
from teilhabe.accounts.middleware import verification_needed
from tests.factories import PASSWORD

pytestmark = pytest.mark.two_factor

LOGIN = reverse("accounts:login")
SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")
DASHBOARD = reverse("dashboards:dashboard")


def current_code(device: TOTPDevice, offset: int = 0) -> str:
    """The code an authenticator app shows now (offset in time steps)."""
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"
    )


def with_device(user) -> tuple[TOTPDevice, list[str]]:
    device = services.start_totp_setup(user)
    codes = services.confirm_totp_device(device, current_code(device), by=user)
    device.refresh_from_db()
    # The confirming code is used up; the next tests need a fresh time step.
    device.last_t = -1
    device.save(update_fields=["last_t"])
    return device, codes


def password_login(client, user):
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


# --- who must use it -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role_fixture", "required"),
    [
        ("office", True),
        ("facilitator", True),
        ("superuser", True),
        ("coordinator", False),
        ("team_member", False),
    ],
)
def test_who_must_use_two_factor(request, role_fixture, required):
    assert request.getfixturevalue(role_fixture).two_factor_required is required


# --- services --------------------------------------------------------------------


def test_confirm_device_with_current_code_makes_ten_recovery_codes(office):
    device = services.start_totp_setup(office)
    assert services.start_totp_setup(office) == device  # reloading keeps the secret
    assert not services.has_two_factor(office)

    codes = services.confirm_totp_device(device, current_code(device), by=office)

    assert services.has_two_factor(office)
    assert len(codes) == len(set(codes)) == 10
    assert services.recovery_codes_left(office) == 10


def test_confirm_device_refuses_wrong_code(office):
    device = services.start_totp_setup(office)
    with pytest.raises(ValidationError) as exc:
        services.confirm_totp_device(
            device, "000000" if current_code(device) != "000000" else "111111", by=office
        )
    assert exc.value.error_dict["code"][0].code == "invalid"
    device.refresh_from_db()
    assert not device.confirmed
    assert device.throttling_failure_count == 1  # kept although the service refused


def test_recovery_code_works_once(office):
    _device, codes = with_device(office)
    assert isinstance(services.verify_second_factor(office, codes[0].upper()), StaticDevice)
    with pytest.raises(ValidationError):
        services.verify_second_factor(office, codes[0])
    assert services.recovery_codes_left(office) == 9


def test_wrong_codes_are_throttled(office):
    device, _codes = with_device(office)
    with pytest.raises(ValidationError):
        services.verify_second_factor(office, "12345x")  # neither kind of code
    for _ in range(2):
        with pytest.raises(ValidationError):
            services.verify_second_factor(
                office, "999999" if current_code(device) != "999999" else "888888"
            )
    # Even the right code waits until the throttle has passed.
    with pytest.raises(ValidationError) as exc:
        services.verify_second_factor(office, current_code(device))
    assert exc.value.error_dict["code"][0].code == "throttled"


def test_new_recovery_codes_replace_old_ones(office):
    _device, old = with_device(office)
    new = services.make_recovery_codes(office, by=office)
    assert not set(old) & set(new)
    with pytest.raises(ValidationError):
        services.verify_second_factor(office, old[0])


def test_required_users_cannot_switch_off_themselves(office, coordinator, superuser):
    with_device(office)
    with pytest.raises(ValidationError):
        services.switch_off_two_factor(office, by=office)
    services.switch_off_two_factor(office, by=superuser)  # an operator resets a lost device
    assert not services.has_two_factor(office)

    with_device(coordinator)
    services.switch_off_two_factor(coordinator, by=coordinator)
    assert not services.has_two_factor(coordinator)
    assert not StaticDevice.objects.filter(user=coordinator).exists()


# --- middleware ------------------------------------------------------------------


def _request(client, user, path="/"):
    """A request carrying the session `client` holds after logging in `user`."""
    request = RequestFactory().get(path)
    request.session = client.session
    user.is_verified = lambda: False
    request.user = user
    return request


def test_middleware_question(client, office, coordinator, settings):
    client.force_login(office)
    assert verification_needed(_request(client, office)) == "setup"
    client.force_login(coordinator)
    assert verification_needed(_request(client, coordinator)) is None
    with_device(coordinator)
    client.force_login(coordinator)
    assert verification_needed(_request(client, coordinator)) == "verify"
    settings.DEMO_MODE = True
    assert verification_needed(_request(client, coordinator)) is None


# --- views -----------------------------------------------------------------------


def test_office_without_device_is_sent_to_setup_and_kept_from_the_dashboard(client, office):
    response = password_login(client, office)
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    for path in (DASHBOARD, reverse("accounts:profile"), "/admin/"):
        assert client.get(path)["Location"].startswith(SETUP)
    # Pages needed on the way stay open; the navigation would only lead back here.
    setup = client.get(SETUP)
    assert setup.status_code == 200
    assert "nav-list" not in setup.text
    assert client.get(reverse("core:health")).status_code == 200


def test_operator_needs_second_factor_for_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_setup_page_shows_qr_code_and_secret_then_recovery_codes(client, facilitator):
    password_login(client, facilitator)
    response = client.get(SETUP + "?next=/processes/")
    assert "<svg" in response.text
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', response.text).group(1)
    device = TOTPDevice.objects.get(user=facilitator)
    assert secret.replace(" ", "") in device.config_url

    response = client.post(SETUP, {"code": current_code(device), "next": "/processes/"})

    assert response.status_code == 200
    assert len(re.findall(r"<li><code>[a-z2-7]{8}</code></li>", response.text)) == 10
    assert 'href="/processes/"' in response.text
    assert client.get(DASHBOARD).status_code == 200


def test_wrong_code_gives_a_german_field_error(client, office):
    device, _codes = with_device(office)
    password_login(client, office)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    # The German text comes from the catalogue; the field error is the same message.
    with translation.override("de"):
        message = gettext("This code is not valid. Please enter the current code from your app.")
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_code_lets_the_person_in(client, office):
    device, _codes = with_device(office)
    password_login(client, office)
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)
    response = client.post(
        VERIFY + "?next=/processes/", {"code": current_code(device), "next": "/processes/"}
    )
    assert response["Location"] == "/processes/"
    assert client.get(DASHBOARD).status_code == 200


def test_recovery_code_works_once_in_the_browser(client, coordinator):
    _device, codes = with_device(coordinator)
    password_login(client, coordinator)
    assert client.post(VERIFY, {"code": codes[3]})["Location"] == DASHBOARD
    client.post(reverse("accounts:logout"))

    password_login(client, coordinator)
    response = client.post(VERIFY, {"code": codes[3]})
    assert response.status_code == 200
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_next_is_not_an_open_redirect(client, office):
    device, _codes = with_device(office)
    password_login(client, office)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == DASHBOARD


def test_coordinator_without_device_goes_straight_in_and_may_opt_in(client, coordinator):
    response = password_login(client, coordinator)
    assert client.get(response["Location"]).status_code == 200
    profile = client.get(reverse("accounts:profile"))
    assert SETUP in profile.text


def test_demo_mode_logs_in_with_password_alone(client, office, settings):
    settings.DEMO_MODE = True
    with translation.override("de"):
        sentence = gettext(
            "In this demo, the demo accounts log in with their password alone; "
            "two-factor authentication is not asked for."
        )
    assert sentence in client.get(LOGIN).text
    password_login(client, office)
    assert client.get(DASHBOARD).status_code == 200


def test_profile_makes_new_recovery_codes_and_coordinator_may_switch_off(client, coordinator):
    _device, old = with_device(coordinator)
    password_login(client, coordinator)
    enter_code(client, coordinator)

    profile = client.get(reverse("accounts:profile"))
    assert reverse("accounts:two_factor_switch_off") in profile.text
    response = client.post(reverse("accounts:two_factor_recovery_codes"))
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert len(new) == 10 and not set(new) & set(old)

    response = client.post(reverse("accounts:two_factor_switch_off"))
    assert response["Location"] == reverse("accounts:profile")
    assert not services.has_two_factor(coordinator)


def enter_code(client, user):
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    assert client.post(VERIFY, {"code": current_code(device)})["Location"] == DASHBOARD


def test_office_cannot_switch_off_on_the_profile(client, office):
    with_device(office)
    password_login(client, office)
    enter_code(client, office)
    assert (
        reverse("accounts:two_factor_switch_off")
        not in client.get(reverse("accounts:profile")).text
    )
    client.post(reverse("accounts:two_factor_switch_off"))
    assert services.has_two_factor(office)


class _Rows:
    """Just enough of a QuerySet for the data migration."""

    def __init__(self, emails):
        self.emails = emails

    def values_list(self, *fields, flat=False):
        return self.emails if flat else list(enumerate(self.emails))


def test_migration_refuses_addresses_that_would_collide():
    from importlib import import_module

    migration = import_module("teilhabe.accounts.migrations.0004_user_email_lower_case")

    class Apps:
        def get_model(self, app, name):
            return type("User", (), {"objects": _Rows(["team@x.example", "Team@X.example"])})

    with pytest.raises(RuntimeError, match=re.escape("Team@X.example")):
        migration.lower_case_emails(Apps(), None)


def test_pages_on_the_way_stay_open_and_htmx_is_sent_to_a_full_page(client, office):
    password_login(client, office)
    assert client.get(reverse("accounts:password_reset")).status_code == 200
    assert client.get("/static/teilhabe/teilhabe.css").status_code == 200
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"

    response = client.get(DASHBOARD, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == SETUP

    # Without a GET to return to, a POST is sent to the setup without `next`.
    response = client.post(reverse("accounts:profile"), {"full_name": "X"})
    assert response["Location"] == SETUP
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_device_removed_by_an_operator_during_the_session_leads_to_setup(client, office, superuser):
    with_device(office)
    password_login(client, office)
    services.switch_off_two_factor(office, by=superuser)
    response = client.get(DASHBOARD, follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    assert response.status_code == 200


def test_middleware_redirects_with_next_and_lets_exempt_pages_through(client, office):
    from django.http import HttpResponse

    from teilhabe.accounts.middleware import RequireTwoFactor

    client.force_login(office)
    middleware = RequireTwoFactor(lambda request: HttpResponse("page"))

    response = middleware(_request(client, office, "/processes/?page=2"))
    assert response.status_code == 302
    assert response["Location"] == SETUP + "?next=%2Fprocesses%2F%3Fpage%3D2"

    for path in (SETUP, VERIFY, LOGIN, reverse("core:health"), "/static/x.css"):
        assert middleware(_request(client, office, path)).content == b"page"
