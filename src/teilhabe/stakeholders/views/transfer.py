"""Import and export of a municipality's actor list (logic in the stakeholders.transfer package).

The uploaded rows wait between preview and confirmation in an `ImportPreview` row, not
in the session (session rows live for weeks, and these hold contact data). The form
carries only its random id, which works only for the uploader and the municipality; the
confirmation checks the rows again, because the actor list may have changed in between.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import slugify
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from teilhabe.programmes.access import get_municipality_in_scope
from teilhabe.programmes.models import Municipality
from teilhabe.stakeholders import services, transfer
from teilhabe.stakeholders.models import Actor

EXPORT_FORMATS = {
    "xlsx": transfer.XLSX_CONTENT_TYPE,
    "csv": transfer.CSV_CONTENT_TYPE,
}
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _municipality(request, pk: int, perm: str):
    return get_municipality_in_scope(request.user, pk, perm)


class ActorImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (XLSX or CSV)"),
        help_text=gettext_lazy("The first row holds the column headers, as in the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.parsed = transfer.parse_upload(upload)
        return upload


class ConfirmForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)


def _column_help() -> list[tuple[str, str, object]]:
    """Header, header in the other language (when different) and help per column."""
    english = transfer.current_language() == "en"
    return [
        (
            column.header(english),
            column.header(not english) if column.de != column.en else "",
            column.help,
        )
        for column in transfer.COLUMNS
    ]


def _render_upload(request, municipality: Municipality, form: ActorImportForm, status=200):
    return render(
        request,
        "stakeholders/actor_import.html",
        {
            "nav": "stakeholders",
            "municipality": municipality,
            "form": form,
            "columns": _column_help(),
            "max_rows": transfer.MAX_ROWS,
        },
        status=status,
    )


def _render_preview(request, municipality, preview, *, filename, token=None, ignored=()):
    return render(
        request,
        "stakeholders/actor_import_preview.html",
        {
            "nav": "stakeholders",
            "municipality": municipality,
            "preview": preview,
            "filename": filename,
            "headers": transfer.column_headers(),
            "ignored_columns": ignored,
            "confirm_form": ConfirmForm(initial={"token": token}) if token else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def actor_import(request, pk: int):
    municipality = _municipality(request, pk, "stakeholders.change_actor")
    if request.method == "GET":
        return _render_upload(request, municipality, ActorImportForm())
    form = ActorImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_upload(request, municipality, form)
    filename = form.cleaned_data["file"].name
    preview = transfer.validate(form.parsed.rows, municipality)
    token = None
    if not preview.has_errors and preview.ok_count:
        kept = services.keep_import_preview(
            municipality, form.parsed.rows, filename=filename, by=request.user
        )
        token = str(kept.pk)
    return _render_preview(
        request,
        municipality,
        preview,
        filename=filename,
        token=token,
        ignored=form.parsed.ignored_columns,
    )


@login_required
@require_http_methods(["POST"])
def actor_import_confirm(request, pk: int):
    municipality = _municipality(request, pk, "stakeholders.change_actor")
    upload_url = reverse("stakeholders:actor_import", args=[municipality.pk])
    form = ConfirmForm(request.POST)
    entry = (
        services.take_import_preview(form.cleaned_data["token"], municipality, by=request.user)
        if form.is_valid()
        else None
    )
    if entry is not None and "discard" in request.POST:
        messages.info(request, _("The import was discarded; nothing was imported."))
        return redirect(upload_url)
    if entry is None:
        messages.warning(
            request,
            _(
                "This import is no longer available (it may have expired). Please upload the file again."
            ),
        )
        return redirect(upload_url)
    preview = transfer.validate(entry.rows, municipality)
    if not preview.has_errors:
        try:
            created = transfer.import_rows(preview, municipality, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(upload_url)
        messages.success(
            request,
            ngettext("%(count)s actor imported.", "%(count)s actors imported.", len(created))
            % {"count": len(created)},
        )
        return redirect("stakeholders:actor_list", municipality.pk)
    messages.error(
        request,
        _(
            "The actor list changed since the preview, so some rows are no longer valid. "
            "Nothing was imported. Please correct the file and upload it again."
        ),
    )
    return _render_preview(request, municipality, preview, filename=entry.filename)


@login_required
@require_http_methods(["GET"])
def actor_export(request, pk: int, fmt: str):
    if fmt not in EXPORT_FORMATS:
        raise Http404
    municipality = _municipality(request, pk, "stakeholders.view_actor")
    if request.GET.get("template"):
        actors = Actor.objects.none()
        stem = "stakeholder-template"
    else:
        actors = (
            Actor.objects.filter(municipality=municipality)
            .with_current_assessment()
            .select_related("category", "organisation")
            .order_by("kind", "name", "pk")
        )
        slug = slugify(municipality.name.translate(UMLAUTS)) or str(municipality.pk)
        stem = f"stakeholder-{slug}-{timezone.localdate().isoformat()}"
    if fmt == "xlsx":
        content: bytes = transfer.export_xlsx(actors)
    else:
        content = transfer.export_csv(actors).encode("utf-8")
    return HttpResponse(
        content,
        content_type=EXPORT_FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
    )
