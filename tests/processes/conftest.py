import pytest

from teilhabe.processes import services
from teilhabe.processes.models import CatalogueStatus, Phase
from teilhabe.processes.uploads import check_upload
from tests.factories import BlockTypeFactory, CatalogueFactory, ConsultingEntryFactory
from tests.processes.uploads import pdf


@pytest.fixture
def document(block, coordinator):
    upload = pdf()
    check_upload(upload)
    return services.add_document(block, upload=upload, title="Protokoll Auftakt", by=coordinator)


@pytest.fixture
def consulting(process, facilitator):
    """One day of consulting at the default day rate (1.200 €)."""
    return ConsultingEntryFactory(process=process, facilitator=facilitator)


@pytest.fixture
def catalogue(programme):
    """The programme's published catalogue with two block types."""
    published = CatalogueFactory(programme=programme, version=1)
    BlockTypeFactory(
        catalogue=published,
        key="auftakt",
        name="Auftaktgespräch",
        name_en="Kick-off talk",
        description="Erstes Gespräch mit der Verwaltungsspitze.",
        phase=Phase.ANALYSIS,
    )
    BlockTypeFactory(
        catalogue=published,
        key="zukunftswerkstatt",
        name="Zukunftswerkstatt",
        phase=Phase.PARTICIPATION,
    )
    return published


@pytest.fixture
def draft(catalogue, office):
    draft = services.create_catalogue_draft(catalogue.programme, by=office)
    assert draft.status == CatalogueStatus.DRAFT
    return draft
