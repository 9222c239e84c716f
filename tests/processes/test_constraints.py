from datetime import date

from django.urls import reverse

from teilhabe.processes.models import Block


def test_process_page_survives_a_stored_far_future_date(client, coordinator, block):
    Block.objects.filter(pk=block.pk).update(
        planned_start=date(2021, 1, 1), planned_end=date(9999, 12, 31)
    )
    client.force_login(coordinator)
    for name in ("processes:process_detail", "processes:process_timeline"):
        assert client.get(reverse(name, args=[block.process_id])).status_code == 200
