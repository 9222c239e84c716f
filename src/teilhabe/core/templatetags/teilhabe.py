from django import template

from teilhabe.core.formats import format_eur

register = template.Library()


@register.filter
def eur(amount) -> str:
    """{{ amount|eur }} renders money in the active language's format."""
    return format_eur(amount)


@register.simple_tag(takes_context=True)
def url_replace(context, **params) -> str:
    """Current query string with `params` replaced, for pagination links."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        query[key] = value
    return query.urlencode()
