"""Process pages: overview, blocks, timeline, log, documents, budget, facilitators, catalogue.

Views validate, authorise through `get_object_for` and the rules in processes/rules.py,
call a function from processes/services.py and render. Nothing here writes the database
directly.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Prefetch, Q, Sum
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import get_object_for, require_perm
from teilhabe.core.formats import format_eur
from teilhabe.core.forms import add_service_errors
from teilhabe.core.pagination import paginate
from teilhabe.processes import services
from teilhabe.processes.forms import (
    COMPLETED,
    BlockAddForm,
    BlockForm,
    BlockMoveForm,
    BlockStatusForm,
    BlockTypeForm,
    CloseProcessForm,
    ConsultingDeleteForm,
    ConsultingEntryForm,
    DocumentForm,
    FacilitatorAddForm,
    FacilitatorRemoveForm,
    ProcessFilterForm,
)
from teilhabe.processes.models import (
    Block,
    BlockDocument,
    BlockType,
    Catalogue,
    ConsultingEntry,
    ConsultingUnit,
    Phase,
    Process,
    format_amount,
)
from teilhabe.processes.timeline import build_timeline
from teilhabe.programmes.models import Programme, Round

# --- Helpers -------------------------------------------------------------------------


def _next_url(request, default: str) -> str:
    """The `next` parameter when it points to this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _status_form(block: Block, data=None) -> BlockStatusForm:
    # Unique ids: the process page shows one form per block.
    return BlockStatusForm(
        data,
        initial={
            "status": block.status,
            "drop_reason": block.drop_reason,
            "results": block.results,
            "completed_on": block.actual_end or timezone.localdate(),
        },
        auto_id=f"id_block{block.pk}_%s",
    )


def _timeline(process: Process):
    return build_timeline(
        process._blocks(),
        process_start=process.started_on,
        today=timezone.localdate(),
        phases=Phase.choices,
    )


def _process_context(process: Process) -> dict:
    """What the process page and its htmx partials need; `process` from with_blocks()."""
    blocks = process._blocks()
    phases = [
        (value, label, [b for b in blocks if b.phase == value]) for value, label in Phase.choices
    ]
    for _value, _label, phase_blocks in phases:
        for place, block in enumerate(phase_blocks, start=1):
            block.status_form = _status_form(block)
            # A block alone in its phase has nowhere to go.
            block.move_form = (
                BlockMoveForm(
                    initial={"place": place},
                    count=len(phase_blocks),
                    auto_id=f"id_block{block.pk}_%s",
                )
                if len(phase_blocks) > 1
                else None
            )
    return {
        "nav": "processes",
        "process": process,
        "phases": phases,
        "timeline": _timeline(process),
    }


def _block_queryset():
    return Block.objects.select_related(
        "process__municipality", "process__round__programme", "block_type"
    ).prefetch_related(
        "responsible",
        Prefetch("documents", queryset=BlockDocument.objects.select_related("uploaded_by")),
    )


def _render_block_detail(request, block: Block, *, status_form=None, document_form=None):
    return render(
        request,
        "processes/block_detail.html",
        {
            "nav": "processes",
            # Not "block": inside {% block %} that name is the template block itself.
            "building_block": block,
            "process": block.process,
            "status_form": status_form or _status_form(block),
            "document_form": document_form or DocumentForm(),
        },
    )


# --- Processes -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def process_list(request):
    require_perm(request.user, "processes.view_process_list")
    visible = Process.objects.visible_to(request.user)
    rounds = Round.objects.filter(pk__in=visible.values("round")).select_related("programme")
    form = ProcessFilterForm(request.GET or None, rounds=rounds)
    processes = visible
    if form.is_bound and form.is_valid():
        if form.cleaned_data["round"]:
            processes = processes.filter(round=form.cleaned_data["round"])
        phase = form.cleaned_data["phase"]
        if phase:
            processes = processes.in_phase(None if phase == COMPLETED else phase)
    page = paginate(request, processes.with_overview())
    return render(
        request,
        "processes/process_list.html",
        {"nav": "processes", "page": page, "filter_form": form},
    )


@login_required
@require_http_methods(["GET"])
def process_detail(request, pk: int):
    process = get_object_for(
        request.user, Process.objects.with_blocks(), "processes.view_process", pk=pk
    )
    return render(request, "processes/process_detail.html", _process_context(process))


@login_required
@require_http_methods(["GET"])
def process_timeline(request, pk: int):
    process = get_object_for(
        request.user, Process.objects.with_blocks(), "processes.view_process", pk=pk
    )
    return render(
        request,
        "processes/process_timeline.html",
        {"nav": "processes", "process": process, "timeline": _timeline(process)},
    )


@login_required
@require_http_methods(["GET"])
def process_log(request, pk: int):
    process = get_object_for(
        request.user,
        Process.objects.select_related("municipality", "round__programme"),
        "processes.view_processlogentry",
        pk=pk,
    )
    page = paginate(request, process.log_entries.select_related("actor"))
    return render(
        request,
        "processes/process_log.html",
        {"nav": "processes", "process": process, "page": page},
    )


@login_required
@require_http_methods(["GET", "POST"])
def process_close(request, pk: int):
    """Closing is its own page: what it means, where the process stands, then confirm."""
    process = get_object_for(
        request.user, Process.objects.with_blocks(), "processes.close_process", pk=pk
    )
    form = CloseProcessForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.close_process(process, by=request.user, on=form.cleaned_data["closed_on"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The process is closed. Its data stays readable."))
            return redirect(process)
    blocks = process._blocks()
    return render(
        request,
        "processes/process_close.html",
        {
            "nav": "processes",
            "process": process,
            "form": form,
            "open_blocks": [b for b in blocks if not b.is_finished],
        },
    )


@login_required
@require_http_methods(["POST"])
def process_reopen(request, pk: int):
    process = get_object_for(request.user, Process.objects, "processes.reopen_process", pk=pk)
    services.reopen_process(process, by=request.user)
    messages.success(request, _("The process is open again."))
    return redirect(process)


# --- Blocks --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def block_add(request, pk: int):
    process = get_object_for(
        request.user,
        Process.objects.select_related("municipality", "round__programme", "catalogue"),
        "processes.add_block",
        pk=pk,
    )
    catalogue = process.catalogue or services.current_catalogue(process.round.programme)
    block_types = catalogue.block_types.all() if catalogue else BlockType.objects.none()
    form = BlockAddForm(
        request.POST or None, instance=Block(process=process), block_types=block_types
    )
    if request.method == "POST" and form.is_valid():
        try:
            block = services.add_block(
                process,
                by=request.user,
                block_type=form.cleaned_data["block_type"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The building block “%(name)s” was added.") % {"name": block.name}
            )
            return redirect(process)
    return render(
        request,
        "processes/block_add.html",
        {"nav": "processes", "process": process, "form": form, "catalogue": catalogue},
    )


@login_required
@require_http_methods(["GET"])
def block_detail(request, pk: int):
    block = get_object_for(request.user, _block_queryset(), "processes.view_block", pk=pk)
    return _render_block_detail(request, block)


@login_required
@require_http_methods(["GET", "POST"])
def block_edit(request, pk: int):
    block = get_object_for(request.user, _block_queryset(), "processes.change_block", pk=pk)
    form = BlockForm(request.POST or None, instance=block)
    if request.method == "POST" and form.is_valid():
        changed = form.changed_data
        services.update_block(
            form.instance,
            by=request.user,
            changed=changed,
            responsible=form.cleaned_data["responsible"] if "responsible" in changed else None,
        )
        messages.success(request, _("The building block was saved."))
        return redirect(block)
    return render(
        request,
        "processes/block_edit.html",
        {"nav": "processes", "building_block": block, "process": block.process, "form": form},
    )


@login_required
@require_http_methods(["POST"])
def block_status(request, pk: int):
    """Change a block's status. With htmx: the block's list item plus out-of-band updates."""
    block = get_object_for(request.user, _block_queryset(), "processes.change_block", pk=pk)
    form = _status_form(block, request.POST)
    saved = False
    if form.is_valid():
        try:
            services.set_block_status(
                block, form.cleaned_data["status"], by=request.user, **form.service_fields()
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            saved = True
    if request.htmx:
        # Fresh from the database: a refused change may have altered the block in memory.
        process = Process.objects.with_blocks().get(pk=block.process_id)
        context = _process_context(process)
        block = next(b for b in process._blocks() if b.pk == block.pk)
        if saved:
            context.update(block=block, saved=True, oob=True)
            return render(request, "processes/_block_status_response.html", context)
        block.status_form = form
        context.update(block=block)
        return render(request, "processes/_block_item.html", context)
    if saved:
        messages.success(
            request,
            _("“%(name)s” is now: %(status)s.")
            % {"name": block.display_name, "status": block.get_status_display()},
        )
        return redirect(_next_url(request, block.process.get_absolute_url()))
    block = _block_queryset().get(pk=block.pk)
    return _render_block_detail(request, block, status_form=form)


@login_required
@require_http_methods(["POST"])
def block_move(request, pk: int):
    block = get_object_for(
        request.user,
        Block.objects.select_related("process__round"),
        "processes.move_block",
        pk=pk,
    )
    default = f"{block.process.get_absolute_url()}#block-{block.pk}"
    if "place" in request.POST:
        count = block.process.blocks.filter(phase=block.phase).count()
        form = BlockMoveForm(request.POST, count=count)
        refused = _("Please choose a place between 1 and %(count)s.") % {"count": count}
        if not form.is_valid():
            return HttpResponseBadRequest(refused)
        try:
            services.move_block_to(block, form.cleaned_data["place"], by=request.user)
        except ValidationError:  # a block left the phase since the count
            return HttpResponseBadRequest(refused)
        if request.htmx:
            # The phase in its new order and the timeline; focus stays on the moved block.
            process = Process.objects.with_blocks().get(pk=block.process_id)
            context = _process_context(process)
            value, label, blocks = next(p for p in context["phases"] if p[0] == block.phase)
            context.update(value=value, label=label, blocks=blocks, moved=block.pk, oob=True)
            return render(request, "processes/_block_move_response.html", context)
        messages.success(
            request,
            _("“%(name)s” is now in place %(place)s of its phase.")
            % {"name": block.display_name, "place": form.cleaned_data["place"]},
        )
        return redirect(_next_url(request, default))
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return HttpResponseBadRequest(_("Please move the block up or down."))
    services.move_block(block, direction, by=request.user)
    return redirect(_next_url(request, default))


# --- Documents -----------------------------------------------------------------------


@login_required
@require_http_methods(["POST"])
def document_upload(request, pk: int):
    block = get_object_for(request.user, _block_queryset(), "processes.add_blockdocument", pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        document = services.add_document(
            block,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            by=request.user,
        )
        messages.success(
            request, _("The document “%(title)s” was uploaded.") % {"title": document.title}
        )
        return redirect(block)
    return _render_block_detail(request, block, document_form=form)


@login_required
@require_http_methods(["GET"])
def document_download(request, pk: int):
    """Stream a document as a download; files never have a public URL."""
    document = get_object_for(
        request.user,
        BlockDocument.objects.select_related("block__process__round"),
        "processes.view_blockdocument",
        pk=pk,
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
def document_delete(request, pk: int):
    document = get_object_for(
        request.user,
        BlockDocument.objects.select_related("block__process__round").prefetch_related(
            "block__responsible"
        ),
        "processes.delete_blockdocument",
        pk=pk,
    )
    block = document.block
    services.remove_document(document, by=request.user)
    messages.success(
        request, _("The document “%(title)s” was removed.") % {"title": document.title}
    )
    return redirect(block)


# --- Budget and facilitators ---------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def budget(request, pk: int):
    user = request.user
    process = get_object_for(
        user,
        Process.objects.select_related("municipality", "round__programme").annotate(spent=_spent()),
        "processes.view_process_budget",
        pk=pk,
    )
    can_add = user.has_perm("processes.add_consultingentry", process)
    if request.method == "POST" and not can_add:
        raise PermissionDenied
    form = None
    if can_add:
        entry = ConsultingEntry(process=process, created_by=user)
        initial = {"date": timezone.localdate(), "unit": ConsultingUnit.HOURS}
        if user.pk in {person.pk for person in process.facilitators.all()}:
            initial["facilitator"] = user.pk
        form = ConsultingEntryForm(request.POST or None, instance=entry, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.log_consulting(process, by=user, **form.service_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The consulting entry was saved."))
            _warn_if_budget_low(request, process)
            return redirect("processes:budget", process.pk)
    entries = process.consulting_entries.current().select_related("facilitator", "block")
    totals = entries.aggregate(
        cost=Sum("cost"),
        hours=Sum("quantity", filter=Q(unit=ConsultingUnit.HOURS)),
        days=Sum("quantity", filter=Q(unit=ConsultingUnit.DAYS)),
    )
    for unit in ConsultingUnit.values:
        if totals[unit]:
            totals[f"{unit}_display"] = format_amount(totals[unit], unit)
    deleted = process.consulting_entries.deleted().select_related("facilitator", "deleted_by")
    return render(
        request,
        "processes/budget.html",
        {
            "nav": "processes",
            "process": process,
            "entries": entries,
            "deleted_entries": deleted.order_by("-deleted_at", "-pk")[:20],
            "totals": totals,
            "form": form,
            "can_change": user.has_perm("processes.change_consultingentry", process),
            "can_delete": user.has_perm("processes.delete_consultingentry", process),
        },
    )


def _spent():
    return Sum("consulting_entries__cost", filter=Q(consulting_entries__deleted_at__isnull=True))


def _warn_if_budget_low(request, process: Process) -> None:
    process = Process.objects.annotate(spent=_spent()).get(pk=process.pk)
    if process.budget_is_low:
        messages.warning(
            request,
            _("Only %(remaining)s of the consulting budget remain.")
            % {"remaining": format_eur(process.remaining_budget)},
        )


def _consulting_entry(request, pk: int, perm: str) -> ConsultingEntry:
    """A consulting entry that still counts; a deleted one is gone (404)."""
    return get_object_for(
        request.user,
        ConsultingEntry.objects.current().select_related(
            "process__municipality", "process__round__programme", "facilitator", "block"
        ),
        perm,
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consulting_edit(request, pk: int):
    entry = _consulting_entry(request, pk, "processes.change_consultingentry")
    form = ConsultingEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_consulting(entry, by=request.user, **form.service_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The consulting entry was corrected."))
            _warn_if_budget_low(request, entry.process)
            return redirect("processes:budget", entry.process_id)
    return render(
        request,
        "processes/consulting_edit.html",
        {"nav": "processes", "process": entry.process, "entry": entry, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consulting_delete(request, pk: int):
    entry = _consulting_entry(request, pk, "processes.delete_consultingentry")
    form = ConsultingDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_consulting(entry, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The consulting entry was deleted."))
            return redirect("processes:budget", entry.process_id)
    return render(
        request,
        "processes/consulting_delete.html",
        {"nav": "processes", "process": entry.process, "entry": entry, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def facilitators(request, pk: int):
    process = get_object_for(
        request.user,
        Process.objects.select_related("municipality", "round__programme"),
        "processes.change_process_facilitators",
        pk=pk,
    )
    add_form = FacilitatorAddForm(process=process)
    if request.method == "POST":
        # Only a superuser gets here with a closed process; the service refuses it.
        if process.closed_on is not None:
            raise PermissionDenied
        if request.POST.get("action") == "remove":
            remove_form = FacilitatorRemoveForm(request.POST, process=process)
            if not remove_form.is_valid():
                return HttpResponseBadRequest(_("This person is not a facilitator of the process."))
            person = remove_form.cleaned_data["facilitator"]
            services.remove_facilitator(process, person, by=request.user)
            messages.success(
                request, _("%(name)s no longer accompanies this process.") % {"name": person}
            )
            return redirect("processes:facilitators", process.pk)
        add_form = FacilitatorAddForm(request.POST, process=process)
        if add_form.is_valid():
            person = add_form.cleaned_data["facilitator"]
            services.assign_facilitator(process, person, by=request.user)
            messages.success(
                request, _("%(name)s now accompanies this process.") % {"name": person}
            )
            return redirect("processes:facilitators", process.pk)
    return render(
        request,
        "processes/facilitators.html",
        {
            "nav": "processes",
            "process": process,
            "current": process.facilitators.order_by("full_name"),
            "form": add_form,
        },
    )


# --- Catalogue -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def catalogue_list(request, pk: int):
    user = request.user
    programme = get_object_for(user, Programme.objects, pk=pk)
    catalogues = (
        Catalogue.objects.visible_to(user)
        .filter(programme=programme)
        .annotate(type_count=Count("block_types"))
    )
    return render(
        request,
        "processes/catalogue_list.html",
        {
            "nav": "programmes",
            "programme": programme,
            "catalogues": catalogues,
            "can_manage": user.has_perm("processes.add_catalogue", programme),
            "draft": next((c for c in catalogues if c.is_editable), None),
        },
    )


@login_required
@require_http_methods(["POST"])
def catalogue_draft(request, pk: int):
    programme = get_object_for(request.user, Programme.objects, "processes.add_catalogue", pk=pk)
    draft = services.create_catalogue_draft(programme, by=request.user)
    messages.success(
        request,
        _("You are editing the draft of version %(version)s. Publish it when it is ready.")
        % {"version": draft.version},
    )
    return redirect(draft)


@login_required
@require_http_methods(["GET"])
def catalogue_detail(request, pk: int):
    catalogue = get_object_for(
        request.user,
        Catalogue.objects.select_related("programme"),
        "processes.view_catalogue",
        pk=pk,
    )
    block_types = list(catalogue.block_types.all())
    return render(
        request,
        "processes/catalogue_detail.html",
        {
            "nav": "programmes",
            "catalogue": catalogue,
            "programme": catalogue.programme,
            "phases": [
                (value, label, [bt for bt in block_types if bt.phase == value])
                for value, label in Phase.choices
            ],
            "can_change": request.user.has_perm("processes.change_catalogue", catalogue),
        },
    )


@login_required
@require_http_methods(["POST"])
def catalogue_publish(request, pk: int):
    catalogue = get_object_for(
        request.user,
        Catalogue.objects.select_related("programme"),
        "processes.change_catalogue",
        pk=pk,
    )
    if not catalogue.block_types.exists():
        messages.error(request, _("An empty catalogue cannot be published."))
        return redirect(catalogue)
    services.publish_catalogue(catalogue, by=request.user)
    messages.success(
        request,
        _("Version %(version)s is published. New processes start with it.")
        % {"version": catalogue.version},
    )
    return redirect(catalogue)


@login_required
@require_http_methods(["GET", "POST"])
def block_type_edit(request, pk: int, type_pk: int | None = None):
    """Create (without type_pk) or change a block type of a draft catalogue."""
    catalogue = get_object_for(
        request.user,
        Catalogue.objects.select_related("programme"),
        "processes.change_catalogue",
        pk=pk,
    )
    if type_pk is None:
        top = catalogue.block_types.aggregate(top=Max("position"))["top"] or 0
        block_type = BlockType(catalogue=catalogue, position=top + 10)
    else:
        block_type = get_object_or_404(BlockType, catalogue=catalogue, pk=type_pk)
    form = BlockTypeForm(request.POST or None, instance=block_type)
    if request.method == "POST" and form.is_valid():
        services.save_block_type(form.instance, by=request.user)
        messages.success(
            request,
            _("The building block “%(name)s” was saved.") % {"name": form.instance.display_name},
        )
        return redirect(catalogue)
    return render(
        request,
        "processes/block_type_form.html",
        {
            "nav": "programmes",
            "catalogue": catalogue,
            "programme": catalogue.programme,
            "block_type": block_type,
            "form": form,
        },
    )
