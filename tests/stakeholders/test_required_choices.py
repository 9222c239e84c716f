"""A choice the user has to make is never made for them (issue 9).

The new-actor form pre-selected "---------" among the type radio buttons and filed
an actor under the first category (Bürger*innen) when none was chosen.
"""

import re

import pytest
from django.urls import reverse

from teilhabe.programmes.forms import DecisionForm
from teilhabe.stakeholders.forms import ActorForm, AssessmentForm
from teilhabe.stakeholders.models import Actor, ActorKind
from tests.factories import ApplicationFactory
from tests.stakeholders.conftest import category

RADIO = re.compile(r'<input type="radio"[^>]*>')


def radio_values(html: str) -> list[str]:
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in RADIO.findall(html)]


def test_the_new_actor_form_chooses_nothing_for_the_user(client, coordinator, municipality):
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:actor_create", args=[municipality.pk]))
    html = response.text
    assert "---------" not in html
    assert sorted(radio_values(html)) == sorted(ActorKind.values)
    assert not any("checked" in tag for tag in RADIO.findall(html))
    # The category select starts at a prompt, not at the first category.
    select = re.search(r'<select name="category".*?</select>', html, re.S).group(0)
    first = re.search(r"<option[^>]*>", select).group(0)
    assert 'value=""' in first and "selected" in first


def test_without_type_and_category_nothing_is_filed(client, coordinator, municipality):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    response = client.post(url, {"name": "Verein Brücke e. V.", "involvement": "known"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    # The new message has its German translation once the lead compiles the strings.
    assert errors["kind"] in (
        ["Please choose whether the actor is an organisation or a person."],
        ["Bitte wählen Sie, ob es eine Organisation oder eine Person ist."],
    )
    assert errors["category"] == ["Dieses Feld ist zwingend erforderlich."]
    assert 'id="id_kind_error"' in response.text
    assert 'id="id_category_error"' in response.text
    assert not Actor.objects.filter(name="Verein Brücke e. V.").exists()


def test_a_chosen_type_and_category_are_kept(client, coordinator, municipality):
    client.force_login(coordinator)
    welfare = category("welfare")
    response = client.post(
        reverse("stakeholders:actor_create", args=[municipality.pk]),
        {
            "kind": ActorKind.ORGANISATION,
            "name": "Verein Brücke e. V.",
            "category": welfare.pk,
            "involvement": "known",
        },
    )
    assert response.status_code == 302
    actor = Actor.objects.get(name="Verein Brücke e. V.")
    assert (actor.kind, actor.category) == (ActorKind.ORGANISATION, welfare)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda municipality: ActorForm(instance=Actor(municipality=municipality)),
        lambda municipality: AssessmentForm(),
        lambda municipality: DecisionForm(
            application=ApplicationFactory(municipality=municipality)
        ),
    ],
    ids=["actor", "assessment", "decision"],
)
def test_no_radio_group_offers_a_blank_choice(municipality, make):
    """Every form of ours with radio buttons (the self-check's are built per item,
    with explicit choices; see tests/selfcheck)."""
    form = make(municipality)
    radios = {
        name: field
        for name, field in form.fields.items()
        if field.widget.__class__.__name__ == "RadioSelect"
    }
    assert radios
    for name, field in radios.items():
        values = [str(value) for value, _label in field.choices]
        assert "" not in values, name
        assert "---------" not in str(form[name]), name
