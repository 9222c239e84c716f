from datetime import date

from teilhabe.processes import services
from teilhabe.processes.catalogue_defaults import DEFAULT_BLOCK_TYPES, seed_catalogue
from teilhabe.processes.models import PHASE_ORDER, BlockType, Catalogue, CatalogueStatus, Phase
from tests.factories import MunicipalityFactory, ProgrammeOfficeFactory

REQUIRED_KEYS = {
    "kickoff": Phase.ANALYSIS,
    "stakeholder-analysis": Phase.ANALYSIS,
    "self-check": Phase.ANALYSIS,
    "steering-group": Phase.ANALYSIS,
    "participation-event": Phase.PARTICIPATION,
    "working-groups": Phase.PARTICIPATION,
    "integration-concept": Phase.PARTICIPATION,
    "council-decision": Phase.IMPLEMENTATION,
    "implementation-support": Phase.IMPLEMENTATION,
    "peer-consultation": Phase.IMPLEMENTATION,
    "network-meeting": None,  # cross-cutting: any phase
}


def test_defaults_are_complete_and_in_phase_order():
    keys = [spec["key"] for spec in DEFAULT_BLOCK_TYPES]
    assert len(keys) == len(set(keys))
    by_key = {spec["key"]: spec for spec in DEFAULT_BLOCK_TYPES}
    for key, phase in REQUIRED_KEYS.items():
        assert key in by_key
        if phase is not None:
            assert by_key[key]["phase"] == phase
    phases = [PHASE_ORDER[spec["phase"]] for spec in DEFAULT_BLOCK_TYPES]
    assert phases == sorted(phases)
    for spec in DEFAULT_BLOCK_TYPES:
        assert spec["name"] and spec["name_en"]
        assert spec["description"] and spec["description_en"]
        assert spec["typical_weeks"] > 0


def test_seeding_publishes_version_one_with_all_keys(programme):
    office = ProgrammeOfficeFactory()

    catalogue = seed_catalogue(programme, by=office)

    assert catalogue.version == 1
    assert catalogue.status == CatalogueStatus.PUBLISHED
    assert catalogue.published_at is not None
    assert catalogue.created_by == office
    assert services.current_catalogue(programme) == catalogue
    keys = list(catalogue.block_types.values_list("key", flat=True))
    assert keys == [spec["key"] for spec in DEFAULT_BLOCK_TYPES]
    for phase in Phase.values:
        assert catalogue.block_types.filter(phase=phase).exists()


def test_seeding_twice_does_nothing(programme):
    seed_catalogue(programme)

    assert seed_catalogue(programme) is None

    assert Catalogue.objects.filter(programme=programme).count() == 1
    assert BlockType.objects.filter(catalogue__programme=programme).count() == len(
        DEFAULT_BLOCK_TYPES
    )


def test_seeding_leaves_an_existing_draft_alone(programme):
    draft = services.create_catalogue_draft(programme, by=None)

    assert seed_catalogue(programme) is None

    draft.refresh_from_db()
    assert draft.status == CatalogueStatus.DRAFT
    assert not draft.block_types.exists()


def test_new_process_gets_default_blocks_in_catalogue_order(programme, round_):
    office = ProgrammeOfficeFactory()
    seed_catalogue(programme, by=office)

    process = services.create_process(
        municipality=MunicipalityFactory(),
        round=round_,
        started_on=date(2026, 3, 1),
        by=office,
    )

    expected = [spec["key"] for spec in DEFAULT_BLOCK_TYPES if spec["included_by_default"]]
    blocks = list(process.blocks.order_by("position"))
    assert [b.block_type.key for b in blocks] == expected
    assert [b.phase for b in process._blocks()] == [b.phase for b in blocks]
    assert process.catalogue.version == 1
    assert "network-meeting" not in expected
    assert process.current_phase == Phase.ANALYSIS
