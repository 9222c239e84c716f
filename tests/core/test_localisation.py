from django.urls import reverse

from tests.factories import BlockFactory, MunicipalityFactory


def test_large_ids_are_not_grouped_in_html(client, coordinator, process):
    """With German number grouping, id 12345 must not become "12.345" in ids or targets."""
    block = BlockFactory(pk=12345, process=process)
    client.force_login(coordinator)
    response = client.get(process.get_absolute_url())
    assert f'id="block-{block.pk}"' in response.text
    assert 'data-block-id="12345"' in response.text
    assert "12.345" not in response.text


def test_population_and_money_are_grouped_in_german(client, office, process):
    municipality = MunicipalityFactory(population=25300)
    process.municipality = municipality
    process.save()
    client.force_login(office)
    response = client.get(reverse("programmes:municipality_detail", args=[municipality.pk]))
    assert "25.300" in response.text
    response = client.get(reverse("processes:budget", args=[process.pk]))
    assert "40.000,00\u00a0€" in response.text
