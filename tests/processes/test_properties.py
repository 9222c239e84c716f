"""Property-based tests (Hypothesis) for what processes takes from people (issue 8):
block edits, consulting entries and document uploads. No server error for any
input, nothing half-saved after a refusal.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from teilhabe.processes import services
from teilhabe.processes.forms import BlockForm, ConsultingEntryForm, DocumentForm
from teilhabe.processes.models import (
    Block,
    BlockDocument,
    ConsultingEntry,
    ConsultingUnit,
    ProcessLogEntry,
)
from tests.properties import (
    PROPERTY,
    VIEW_PROPERTY,
    amount_strings,
    any_date,
    date_strings,
    each_example,
    texts,
)

pytestmark = pytest.mark.django_db

BLOCK_FIELDS = [
    "name",
    "description",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "notes",
    "results",
    "status",
    "drop_reason",
]


def _block_state(block: Block) -> tuple:
    fresh = Block.objects.get(pk=block.pk)
    return tuple(getattr(fresh, name) for name in BLOCK_FIELDS)


@VIEW_PROPERTY
@given(
    name=texts,
    notes=texts,
    planned_start=date_strings,
    planned_end=date_strings,
    actual_end=date_strings,
)
def test_block_edit_page_answers_any_input(
    client, coordinator, block, name, notes, planned_start, planned_end, actual_end
):
    url = reverse("processes:block_edit", args=[block.pk])
    data = {
        "name": name,
        "phase": block.phase,
        "notes": notes,
        "planned_start": planned_start,
        "planned_end": planned_end,
        "actual_end": actual_end,
    }
    with each_example():
        client.force_login(coordinator)
        before = _block_state(block)
        log_before = ProcessLogEntry.objects.count()
        response = client.post(url, data)
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert _block_state(block) == before
            assert ProcessLogEntry.objects.count() == log_before
        # The process page and timeline show whatever was stored.
        assert client.get(block.process.get_absolute_url()).status_code == 200
        timeline = reverse("processes:process_timeline", args=[block.process_id])
        assert client.get(timeline).status_code == 200


@PROPERTY
@given(dates=st.lists(date_strings, min_size=4, max_size=4), text=texts)
def test_block_form_never_raises(block, dates, text):
    data = dict(zip(["planned_start", "planned_end", "actual_start", "actual_end"], dates))
    form = BlockForm({**data, "name": text, "phase": block.phase, "results": text}, instance=block)
    form.is_valid()


@VIEW_PROPERTY
@given(on=date_strings, quantity=amount_strings, cost=amount_strings, note=texts)
def test_consulting_page_answers_any_input(client, facilitator, process, on, quantity, cost, note):
    url = reverse("processes:budget", args=[process.pk])
    data = {
        "date": on,
        "facilitator": facilitator.pk,
        "quantity": quantity,
        "unit": ConsultingUnit.HOURS,
        "cost": cost,
        "note": note,
    }
    with each_example():
        client.force_login(facilitator)
        response = client.post(url, data)
        assert response.status_code in (200, 302)
        expected = 1 if response.status_code == 302 else 0
        assert ConsultingEntry.objects.filter(process=process).count() == expected
        assert client.get(url).status_code == 200


@PROPERTY
@given(on=date_strings, quantity=amount_strings, cost=amount_strings, note=texts)
def test_consulting_form_never_raises(process, facilitator, on, quantity, cost, note):
    form = ConsultingEntryForm(
        {
            "date": on,
            "facilitator": facilitator.pk,
            "quantity": quantity,
            "unit": "days",
            "cost": cost,
            "note": note,
        },
        instance=ConsultingEntry(process=process, created_by=facilitator),
    )
    form.is_valid()


decimals = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), Decimal("1e99")]),
)


@PROPERTY
@given(on=any_date, quantity=decimals, cost=decimals, note=texts)
def test_log_consulting_refuses_with_validation_error_only(
    process, facilitator, on, quantity, cost, note
):
    with each_example():
        try:
            services.log_consulting(
                process,
                by=facilitator,
                date=on,
                facilitator=facilitator,
                quantity=quantity,
                unit=ConsultingUnit.DAYS,
                cost=cost,
                note=note,
            )
        except ValidationError:
            assert not ConsultingEntry.objects.filter(process=process).exists()
            assert not ProcessLogEntry.objects.filter(process=process).exists()


def _upload(content: bytes, name: str, content_type: str) -> SimpleUploadedFile:
    try:
        return SimpleUploadedFile(name, content, content_type)
    except SuspiciousFileOperation:
        # A name Django's upload parser would never hand on ("..", "a/"): try its tail.
        return SimpleUploadedFile(f"x{name[-8:]}".replace("/", "_"), content, content_type)


uploads = st.builds(
    _upload,
    content=st.one_of(
        st.binary(max_size=2048),
        st.binary(max_size=64).map(lambda tail: b"%PDF-1.4\n" + tail),
        st.binary(max_size=64).map(lambda tail: b"PK\x03\x04" + tail),
        st.binary(max_size=64).map(lambda tail: b"\x89PNG\r\n\x1a\n" + tail),
    ),
    name=st.one_of(
        st.text(min_size=1, max_size=80),
        st.sampled_from(
            ["a.pdf", "a.docx", "a.png", "a.txt", "a.csv", ".pdf", "x.PDF", "a\x00.pdf", "../a.pdf"]
        ),
    ),
    content_type=st.sampled_from(
        ["application/pdf", "application/octet-stream", "text/plain", "image/png", ""]
    ),
)


@VIEW_PROPERTY
@given(upload=uploads, title=texts)
def test_document_upload_answers_any_file(client, coordinator, block, settings, upload, title):
    url = reverse("processes:document_upload", args=[block.pk])
    with each_example():
        client.force_login(coordinator)
        files_before = _stored_files(settings.MEDIA_ROOT)
        response = client.post(url, {"title": title, "file": upload})
        assert response.status_code in (200, 302, 400)
        if response.status_code != 302:
            assert not BlockDocument.objects.exists()
            assert _stored_files(settings.MEDIA_ROOT) == files_before


@PROPERTY
@given(upload=uploads, title=texts)
def test_document_form_never_raises(upload, title):
    DocumentForm({"title": title}, {"file": upload}).is_valid()


def _stored_files(root) -> set:
    from pathlib import Path

    root = Path(root)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


# --- What the properties found, kept as plain examples --------------------------------


@pytest.mark.parametrize("cost", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")])
def test_a_cost_that_is_not_a_number_is_a_validation_error(process, facilitator, cost):
    # Found by Hypothesis: comparing NaN with the budget raised InvalidOperation (500).
    with pytest.raises(ValidationError) as info:
        services.log_consulting(
            process,
            by=facilitator,
            date=process.started_on,
            facilitator=facilitator,
            quantity=Decimal("1"),
            unit=ConsultingUnit.DAYS,
            cost=cost,
        )
    assert "cost" in info.value.message_dict
    assert not ConsultingEntry.objects.exists()


@PROPERTY
@given(
    name=texts,
    planned_start=st.one_of(st.none(), any_date),
    planned_end=st.one_of(st.none(), any_date),
)
def test_add_block_refuses_with_validation_error_only(
    process, coordinator, name, planned_start, planned_end
):
    with each_example():
        before = Block.objects.count()
        try:
            services.add_block(
                process,
                by=coordinator,
                name=name,
                phase="analysis",
                planned_start=planned_start,
                planned_end=planned_end,
            )
        except ValidationError:
            assert Block.objects.count() == before
            assert not ProcessLogEntry.objects.filter(action="block_added").exists()


@PROPERTY
@given(
    status=st.one_of(st.sampled_from(["dropped", "done", "in_progress"]), texts),
    reason=texts,
    on=st.one_of(st.none(), any_date),
)
def test_set_block_status_refuses_with_validation_error_only(
    block, coordinator, status, reason, on
):
    with each_example():
        # A refused call leaves its changes on the Python object (as any model
        # method would); each example starts from the stored block, as a request does.
        block.refresh_from_db()
        before = _block_state(block)
        try:
            services.set_block_status(block, status, by=coordinator, reason=reason, on=on)
        except ValidationError:
            assert _block_state(block) == before


@VIEW_PROPERTY
@given(
    block_type=st.one_of(st.integers().map(str), texts),
    name=texts,
    phase=st.one_of(st.sampled_from(["analysis", "participation"]), texts),
    planned_start=date_strings,
    planned_end=date_strings,
)
def test_block_add_page_answers_any_input(
    client, coordinator, process, block_type, name, phase, planned_start, planned_end
):
    url = reverse("processes:block_add", args=[process.pk])
    data = {
        "block_type": block_type,
        "name": name,
        "phase": phase,
        "planned_start": planned_start,
        "planned_end": planned_end,
    }
    with each_example():
        client.force_login(coordinator)
        before = Block.objects.count()
        response = client.post(url, data)
        assert response.status_code in (200, 302, 400)
        assert Block.objects.count() == before + (1 if response.status_code == 302 else 0)


@VIEW_PROPERTY
@given(status=st.one_of(st.sampled_from(["dropped", "done", "in_progress"]), texts), reason=texts)
def test_block_status_page_answers_any_input(client, coordinator, block, status, reason):
    url = reverse("processes:block_status", args=[block.pk])
    with each_example():
        client.force_login(coordinator)
        before = _block_state(block)
        response = client.post(url, {"status": status, "drop_reason": reason})
        assert response.status_code in (200, 302, 400)
        if response.status_code == 400:
            assert _block_state(block) == before
