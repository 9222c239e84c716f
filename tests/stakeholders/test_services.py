from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from teilhabe.stakeholders import analysis, services
from teilhabe.stakeholders.models import (
    Actor,
    ActorCategory,
    ActorKind,
    Assessment,
    Involvement,
    Participation,
)
from tests.factories import BlockFactory
from tests.stakeholders.conftest import category
from tests.stakeholders.factories import AssessmentFactory


def test_save_actor_sets_creator_and_validates(coordinator, municipality, foreign_actor):
    actor = Actor(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Leyla Aydın",
        category=category("migrant-organisations"),
    )
    services.save_actor(actor, by=coordinator)
    assert actor.pk and actor.created_by == coordinator
    actor.organisation = foreign_actor
    with pytest.raises(ValidationError) as error:
        services.save_actor(actor, by=coordinator)
    assert "organisation" in error.value.error_dict


def test_organisation_rules_hold_for_an_organisation_not_saved_yet(municipality, person):
    """An import checks persons against organisations of the same file before saving."""
    unsaved = Actor(municipality=municipality, kind=ActorKind.ORGANISATION, name="Neu e. V.")
    person = Actor(municipality=municipality, kind=ActorKind.PERSON, organisation=unsaved)
    person.clean()
    person.kind = ActorKind.ORGANISATION
    with pytest.raises(ValidationError) as error:
        person.clean()
    assert list(error.value.message_dict) == ["organisation"]
    person.organisation = person  # saved actors are still compared by id
    with pytest.raises(ValidationError) as error:
        person.clean()
    assert list(error.value.message_dict) == ["organisation"]


def test_import_saves_organisations_first_and_links_their_persons(coordinator, municipality):
    verein = Actor(
        municipality=municipality,
        kind=ActorKind.ORGANISATION,
        name="Elternverein",
        category=category("migrant-organisations"),
    )
    person = Actor(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Leyla Aydın",
        category=category("migrant-organisations"),
        organisation=verein,
    )
    created = services.import_actors(
        [services.NewActor(person, (2, 4)), services.NewActor(verein)], by=coordinator
    )
    assert created == [verein, person]
    person.refresh_from_db()
    assert person.organisation == verein
    assert person.created_by == verein.created_by == coordinator
    assessment = person.assessments.get()
    assert (assessment.influence, assessment.attitude, assessment.assessed_by) == (
        2,
        4,
        coordinator,
    )
    assert not verein.assessments.exists()


def test_import_saves_nothing_when_one_actor_is_invalid(coordinator, municipality):
    good = Actor(
        municipality=municipality,
        kind=ActorKind.ORGANISATION,
        name="Gut",
        category=category("residents"),
    )
    too_long = Actor(
        municipality=municipality,
        kind=ActorKind.ORGANISATION,
        name="N" * 201,
        category=category("residents"),
    )
    with pytest.raises(ValidationError) as error:
        services.import_actors(
            [services.NewActor(good, (3, 3)), services.NewActor(too_long)], by=coordinator
        )
    assert list(error.value.message_dict) == ["name"]
    assert not Actor.objects.exists()
    assert not Assessment.objects.exists()


def test_naming_a_silent_group_marks_the_actor(coordinator, municipality):
    actor = Actor(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Elif",
        category=category("residents"),
        silent_group="Junge Mütter",
    )
    services.save_actor(actor, by=coordinator)
    assert actor.represents_silent_group


def test_assessment_history_is_kept_and_latest_wins(coordinator, person):
    services.assess(
        person, influence=2, attitude=2, by=coordinator, now=datetime(2024, 1, 1, tzinfo=UTC)
    )
    services.assess(
        person, influence=4, attitude=5, by=coordinator, now=datetime(2024, 5, 1, tzinfo=UTC)
    )
    # An older assessment entered later does not replace the newer one.
    services.assess(
        person, influence=1, attitude=1, by=coordinator, now=datetime(2023, 1, 1, tzinfo=UTC)
    )
    assert Assessment.objects.filter(actor=person).count() == 3
    current = Actor.objects.with_current_assessment().get(pk=person.pk)
    assert (current.influence, current.attitude) == (4, 5)
    assert analysis.field_for(current.influence, current.attitude) == analysis.Field.PROMOTERS


def test_same_time_assessments_break_ties_by_id(coordinator, person):
    at = datetime(2024, 1, 1, tzinfo=UTC)
    services.assess(person, influence=1, attitude=1, by=coordinator, now=at)
    services.assess(person, influence=5, attitude=5, by=coordinator, now=at)
    current = Actor.objects.with_current_assessment().get(pk=person.pk)
    assert (current.influence, current.attitude) == (5, 5)


def test_unassessed_actor_has_no_current_assessment(organisation):
    current = Actor.objects.with_current_assessment().get(pk=organisation.pk)
    assert current.influence is None and current.attitude is None


def test_assess_rejects_values_outside_the_scale(coordinator, person):
    with pytest.raises(ValidationError):
        services.assess(person, influence=6, attitude=3, by=coordinator)
    assert not Assessment.objects.exists()


def test_participation_raises_involvement_but_never_lowers_it(process, person):
    block = BlockFactory(process=process)
    services.record_participation(person, block, invited_on=date(2024, 2, 1))
    person.refresh_from_db()
    assert person.involvement == Involvement.INVITED
    services.record_participation(person, block, took_part_on=date(2024, 2, 10))
    person.refresh_from_db()
    assert person.involvement == Involvement.INVOLVED
    participation = Participation.objects.get(actor=person, block=block)
    assert (participation.invited_on, participation.took_part_on) == (
        date(2024, 2, 1),
        date(2024, 2, 10),
    )
    services.set_involvement(person, Involvement.ACTIVE, by=None)
    other = BlockFactory(process=process)
    services.record_participation(person, other, invited_on=date(2024, 3, 1))
    person.refresh_from_db()
    assert person.involvement == Involvement.ACTIVE


def test_actors_and_participations_are_recorded_at_the_given_moment(
    coordinator, municipality, process
):
    entered, invited, took_part = (datetime(2024, month, 5, 9, tzinfo=UTC) for month in (1, 2, 3))
    actor = Actor(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Leyla Aydın",
        category=category("migrant-organisations"),
    )
    services.save_actor(actor, by=coordinator, now=entered)
    actor.refresh_from_db()
    assert actor.created_at == actor.updated_at == entered

    block = BlockFactory(process=process)
    services.record_participation(actor, block, invited_on=date(2024, 2, 1), now=invited)
    participation = Participation.objects.get(actor=actor, block=block)
    assert participation.created_at == participation.updated_at == invited
    actor.refresh_from_db()
    assert (actor.involvement, actor.updated_at) == (Involvement.INVITED, invited)

    services.record_participation(actor, block, took_part_on=date(2024, 3, 1), now=took_part)
    participation.refresh_from_db()
    assert (participation.created_at, participation.updated_at) == (invited, took_part)
    actor.refresh_from_db()
    assert (actor.involvement, actor.created_at, actor.updated_at) == (
        Involvement.INVOLVED,
        entered,
        took_part,
    )


def test_participation_needs_a_block_of_the_same_municipality(person, other_process):
    with pytest.raises(ValidationError) as error:
        services.record_participation(
            person, BlockFactory(process=other_process), invited_on=date(2024, 1, 1)
        )
    assert "block" in error.value.error_dict
    assert not Participation.objects.exists()


def test_set_involvement_goes_both_ways_and_checks_the_value(person):
    services.set_involvement(person, Involvement.ACTIVE, by=None)
    services.set_involvement(person, Involvement.KNOWN, by=None)
    person.refresh_from_db()
    assert person.involvement == Involvement.KNOWN
    with pytest.raises(ValidationError):
        services.set_involvement(person, "famous", by=None)


def test_delete_person_removes_all_personal_data(coordinator, process, municipality, person):
    person.role = "Beraterin"
    person.address = "Hauptstraße 1"
    person.website = "https://fatma.example"
    person.languages = "Deutsch, Türkisch"
    person.silent_group = "Saisonarbeitskräfte"
    person.represents_silent_group = True
    person.involvement = Involvement.ACTIVE
    person.save()
    AssessmentFactory(actor=person, influence=4, attitude=5, note="Fatma kennt alle.")
    block = BlockFactory(process=process)
    services.record_participation(
        person, block, took_part_on=date(2024, 4, 1), note="Fatma moderierte."
    )
    categories = ActorCategory.objects.all()
    before = analysis.coverage(Actor.objects.filter(municipality=municipality), categories)

    services.delete_actor(person, by=coordinator)

    person.refresh_from_db()
    assert person.is_anonymised and person.display_name != "Fatma Demir"
    for field in (
        "name",
        "role",
        "email",
        "phone",
        "address",
        "website",
        "languages",
        "notes",
        "silent_group",
    ):
        assert getattr(person, field) == "", field
    assert person.organisation is None
    assert list(Assessment.objects.filter(actor=person).values_list("note", flat=True)) == [""]
    assert list(Participation.objects.filter(actor=person).values_list("note", flat=True)) == [""]
    # Nothing with the name or contact data is left in the actor tables.
    for value in ("Fatma", "fatma.demir", "07071"):
        assert not Actor.objects.filter(name__icontains=value).exists()
        assert not Actor.objects.filter(email__icontains=value).exists()
        assert not Actor.objects.filter(phone__icontains=value).exists()
        assert not Assessment.objects.filter(note__icontains=value).exists()
        assert not Participation.objects.filter(note__icontains=value).exists()
    # The anonymous statistics stay the same.
    after = analysis.coverage(Actor.objects.filter(municipality=municipality), categories)
    assert [row.counts for row in after.rows] == [row.counts for row in before.rows]
    assert after.score == before.score
    assert Assessment.objects.filter(actor=person, influence=4, attitude=5).exists()
    assert Participation.objects.filter(actor=person, took_part_on=date(2024, 4, 1)).exists()


def test_delete_organisation_keeps_its_persons(coordinator, organisation, person):
    AssessmentFactory(actor=organisation)
    services.delete_actor(organisation, by=coordinator)
    assert not Actor.objects.filter(pk=organisation.pk).exists()
    person.refresh_from_db()
    assert person.organisation is None
    assert person.name == "Fatma Demir"


def test_save_category(office):
    category_ = ActorCategory(key="sport", name="Sport")
    services.save_category(category_, by=office)
    assert ActorCategory.objects.filter(key="sport").exists()
    with pytest.raises(ValidationError):
        services.save_category(ActorCategory(key="sport", name="Doppelt"), by=office)


def test_anonymising_takes_the_moment(coordinator, person):
    moment = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
    services.delete_actor(person, by=coordinator, now=moment)
    person.refresh_from_db()
    assert person.anonymised_at == person.updated_at == moment
