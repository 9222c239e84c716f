from django.urls import reverse

from teilhabe.stakeholders.models import ActorCategory, Involvement
from tests.stakeholders.factories import ActorFactory


def test_coverage_columns_are_a_funnel(client, coordinator, process, municipality):
    welfare = ActorCategory.objects.get(key="welfare")
    for stage in (Involvement.KNOWN, Involvement.INVITED, Involvement.INVOLVED, Involvement.ACTIVE):
        ActorFactory(municipality=municipality, category=welfare, involvement=stage)
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:coverage", args=[municipality.pk]))
    row = response.text.split('data-category="welfare"', 1)[1].split("</tr>", 1)[0]
    cells = [part.split("</td>")[0] for part in row.split('<td class="number">')[1:]]
    # Known 4, at least invited 3, at least involved 2, active 1.
    assert cells == ["4", "3", "2", "1"]
