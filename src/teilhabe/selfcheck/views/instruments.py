"""Instruments and their versions, for the programme office.

A version that was published or answered is frozen: its page is read-only and
offers "create a new version" instead (services.succeed_version). Only a draft
nobody answered can change its wording.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import require_perm
from teilhabe.selfcheck import services
from teilhabe.selfcheck.forms import ItemTextForm
from teilhabe.selfcheck.models import Instrument, InstrumentVersion, Item, VersionStatus

NAV = "instruments"
PERM = "selfcheck.change_instrument"


def _version(request, pk: int) -> InstrumentVersion:
    require_perm(request.user, PERM)
    return get_object_or_404(InstrumentVersion.objects.select_related("instrument"), pk=pk)


@login_required
@require_http_methods(["GET"])
def instrument_list(request):
    require_perm(request.user, "selfcheck.view_instrument_list")
    versions = InstrumentVersion.objects.annotate(round_count=Count("rounds")).order_by("-number")
    instruments = Instrument.objects.prefetch_related(Prefetch("versions", queryset=versions))
    return render(
        request, "selfcheck/instrument_list.html", {"nav": NAV, "instruments": instruments}
    )


@login_required
@require_http_methods(["GET", "POST"])
def version_detail(request, pk: int):
    version = _version(request, pk)
    editable = version.is_editable
    fields = list(
        version.fields.prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position", "pk"))
        )
    )
    posted = None
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        item = get_object_or_404(
            Item.objects.select_related("field__version"),
            pk=request.POST.get("item", ""),
            field__version=version,
        )
        posted = ItemTextForm(request.POST, instance=item, prefix=f"item-{item.pk}")
        if posted.is_valid():
            try:
                services.update_item_texts(item, **posted.cleaned_data)
            except ValidationError as exc:
                for error in exc.messages:
                    messages.error(request, error)
            else:
                messages.success(request, _("The wording was saved."))
            return redirect(f"{request.path}#item-{item.pk}")
    sections = []
    for field in fields:
        rows = []
        for item in field.items.all():
            form = None
            if editable:
                if posted is not None and posted.instance.pk == item.pk:
                    form = posted
                else:
                    form = ItemTextForm(instance=item, prefix=f"item-{item.pk}")
            rows.append((item, form))
        sections.append((field, rows))
    return render(
        request,
        "selfcheck/version_detail.html",
        {
            "nav": NAV,
            "version": version,
            "editable": editable,
            "has_answers": version.has_answers,
            "round_count": version.rounds.count(),
            "sections": sections,
            "draft": version.instrument.versions.filter(status=VersionStatus.DRAFT)
            .exclude(pk=version.pk)
            .first(),
        },
        status=400 if posted is not None else 200,
    )


@login_required
@require_http_methods(["POST"])
def version_succeed(request, pk: int):
    version = _version(request, pk)
    existing = version.instrument.versions.filter(status=VersionStatus.DRAFT).exists()
    draft = services.succeed_version(version, by=request.user)
    if existing:
        # succeed_version keeps a single draft per instrument and returns it.
        messages.info(
            request,
            _("Version %(number)s is a draft already; change that one.") % {"number": draft.number},
        )
    else:
        messages.success(
            request,
            _("Version %(number)s was created as a draft. Change it, then publish it.")
            % {"number": draft.number},
        )
    return redirect("selfcheck:version_detail", draft.pk)


@login_required
@require_http_methods(["POST"])
def version_publish(request, pk: int):
    version = _version(request, pk)
    try:
        services.publish_version(version, by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(
            request,
            _("Version %(number)s is published. New rounds use it; earlier rounds keep theirs.")
            % {"number": version.number},
        )
    return redirect("selfcheck:version_detail", version.pk)
