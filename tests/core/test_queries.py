"""count_rows: several counts in one query, the same as .count() gives."""

from django.db.models import Q

from teilhabe.core.queries import count_rows
from teilhabe.programmes.models import Municipality
from tests.factories import MunicipalityFactory


def test_counts_equal_count_and_take_one_query(db, django_assert_num_queries):
    MunicipalityFactory.create_batch(3, population=500)
    MunicipalityFactory.create_batch(2, population=50_000)
    querysets = {
        "all": Municipality.objects.all(),
        "small": Municipality.objects.filter(population__lt=1000).order_by("name"),
        "none": Municipality.objects.filter(pk__in=[]),
        "ids": Municipality.objects.filter(
            pk__in=list(Municipality.objects.values_list("pk", flat=True)[:2])
        ),
        "either": Municipality.objects.filter(Q(population=500) | Q(name="x")).distinct(),
    }
    expected = {name: qs.count() for name, qs in querysets.items()}
    assert expected == {"all": 5, "small": 3, "none": 0, "ids": 2, "either": 3}
    with django_assert_num_queries(1):
        assert count_rows(**querysets) == expected


def test_nothing_to_count_asks_nothing(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert count_rows() == {}
