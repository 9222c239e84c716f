from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int | None = None, *, count: int | None = None) -> Page:
    """Page of `queryset` for ?page=; out-of-range pages show the last page.

    `count`, when the caller has counted the rows already (for instance together with
    other figures, `core.queries.count_rows`), spares the paginator its COUNT query.
    """
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))
