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


# KERN classes per Django widget type (see templates/components/field.html).
_KERN_WIDGET_CLASS = {
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "checkboxselectmultiple": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
}


@register.filter
def kern_widget(field):
    """{{ field|kern_widget }} renders the widget with KERN's class, marked when invalid."""
    widget_type = field.widget_type
    css = _KERN_WIDGET_CLASS.get(widget_type, "kern-form-input__input")
    if field.errors:
        css += f" {css}--error"
    existing = field.field.widget.attrs.get("class")
    if existing:
        css = f"{existing} {css}"
    return field.as_widget(attrs={"class": css})


# Status values (of blocks, applications, rounds, actors …) and the KERN badge colour
# that fits them; the badge always carries its text, never colour alone.
_BADGE_VARIANTS = {
    "success": {"done", "admitted", "published", "involved", "active", "covered", "closed_ok"},
    "info": {"in_progress", "submitted", "draft", "invited", "open", "running"},
    "warning": {"key", "planned", "pending", "waiting"},
    "danger": {"overdue", "gap", "rejected", "failed"},
}


@register.filter
def badge_variant(value) -> str:
    """{{ status|badge_variant }} gives the KERN badge modifier for a status value."""
    for variant, values in _BADGE_VARIANTS.items():
        if str(value) in values:
            return f"kern-badge--{variant}"
    return ""
