from datetime import date, datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.processes.models import CatalogueStatus, LogAction, Phase, Process
from teilhabe.programmes import services
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    MunicipalityKind,
    Round,
    State,
)
from tests.factories import (
    ApplicationFactory,
    BlockTypeFactory,
    CatalogueFactory,
    FacilitatorFactory,
    ProcessFactory,
    ProgrammeOfficeFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


def test_submit_mails_the_programme_office(
    draft, coordinator, office, django_capture_on_commit_callbacks
):
    inactive = ProgrammeOfficeFactory(is_active=False)
    draft.round.programme.office_members.add(inactive)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(draft, by=coordinator)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.submitted_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [office.email]
    assert "Neckarbrück" in message.subject
    assert "2098/2099" in message.subject
    assert f"{settings.SITE_URL}{draft.get_absolute_url()}" in message.body
    assert office.full_name in message.body


def test_submit_sends_nothing_before_commit(draft, coordinator, office):
    # Without running the on-commit callbacks (the transaction never commits in this
    # test), no mail leaves: a rolled-back submission must not notify anybody.
    services.submit_application(draft, by=coordinator)
    assert mail.outbox == []
    # The mail is recorded with the submission, in the office member's language.
    outgoing = OutgoingMail.objects.get()
    assert outgoing.status == MailStatus.QUEUED
    assert outgoing.caused_by == coordinator
    assert outgoing.recipient == office.email
    # The office member chose no language: the site's.
    assert outgoing.language == (office.preferred_language or "de")


def test_reject_records_who_caused_the_mail(
    submitted, office, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_application(submitted, by=office, decision_note="Leider nicht.")
    assert {(m.recipient, m.status, m.caused_by) for m in OutgoingMail.objects.all()} == {
        (coordinator.email, MailStatus.SENT, office),
        (submitted.contact_email, MailStatus.SENT, office),
    }
    assert len(mail.outbox) == 2


def test_submit_after_deadline_is_refused(draft, coordinator, office):
    Round.objects.filter(pk=draft.round_id).update(call_closes=date(2021, 1, 1))
    draft.round.refresh_from_db()
    with pytest.raises(ValidationError, match="Bewerbungsfrist dieser Förderrunde ist vorbei"):
        services.submit_application(draft, by=coordinator)
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT


def test_submit_twice_is_refused(submitted, coordinator):
    with pytest.raises(ValidationError):
        services.submit_application(submitted, by=coordinator)


def test_admit_opens_process_from_published_catalogue(
    submitted, office, coordinator, django_capture_on_commit_callbacks
):
    programme = submitted.round.programme
    retired = CatalogueFactory(programme=programme, version=1, status=CatalogueStatus.RETIRED)
    BlockTypeFactory(catalogue=retired, key="alt", name="Alter Baustein")
    published = CatalogueFactory(programme=programme, version=2)
    BlockTypeFactory(catalogue=published, key="auftakt", name="Auftaktgespräch", position=1)
    BlockTypeFactory(
        catalogue=published,
        key="beteiligung",
        name="Beteiligungsveranstaltung",
        phase=Phase.PARTICIPATION,
        position=2,
    )
    BlockTypeFactory(
        catalogue=published, key="peer", name="Peer-Beratung", included_by_default=False
    )
    draft_catalogue = CatalogueFactory(programme=programme, version=3, status=CatalogueStatus.DRAFT)
    BlockTypeFactory(catalogue=draft_catalogue, key="neu", name="Entwurf")
    first, second = FacilitatorFactory(), FacilitatorFactory()

    with django_capture_on_commit_callbacks(execute=True):
        process = services.admit_application(
            submitted,
            by=office,
            facilitators=[first, second],
            decision_note="Wir freuen uns auf die Zusammenarbeit.",
        )

    assert process.application == submitted
    assert process.catalogue == published
    assert process.budget == programme.default_budget
    assert process.started_on == date(2098, 1, 1)  # the round starts after today
    assert sorted(b.name for b in process.blocks.all()) == [
        "Auftaktgespräch",
        "Beteiligungsveranstaltung",
    ]
    assert set(process.facilitators.all()) == {first, second}
    actions = list(process.log_entries.values_list("action", flat=True))
    assert actions.count(LogAction.FACILITATOR_ASSIGNED) == 2
    assert LogAction.PROCESS_CREATED in actions

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.ADMITTED
    assert submitted.decided_by == office
    assert submitted.decided_at is not None

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([coordinator.email, submitted.contact_email])
    body = mail.outbox[0].body
    assert "Wir freuen uns auf die Zusammenarbeit." in body
    assert first.full_name in body and second.full_name in body
    assert submitted.get_absolute_url() in body


def test_admit_without_catalogue_opens_empty_process(submitted, office):
    process = services.admit_application(submitted, by=office, started_on=date(2098, 3, 1))
    assert process.blocks.count() == 0
    assert process.started_on == date(2098, 3, 1)


def test_cannot_admit_twice(submitted, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.admit_application(submitted, by=office)
    mail.outbox.clear()
    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        services.admit_application(submitted, by=office)
    assert Process.objects.filter(application=submitted).count() == 1
    assert mail.outbox == []


def test_stale_object_cannot_be_admitted_after_rejection(submitted, office):
    # Another office member rejected it meanwhile; this object still says "submitted".
    stale = type(submitted).objects.get(pk=submitted.pk)
    services.reject_application(submitted, by=office, decision_note="Leider nein.")
    with pytest.raises(ValidationError):
        services.admit_application(stale, by=office)
    assert not Process.objects.exists()


def test_admit_refuses_when_process_exists(submitted, office):
    ProcessFactory(municipality=submitted.municipality, round=submitted.round)
    with pytest.raises(ValidationError, match="schon einen Prozess"):
        services.admit_application(submitted, by=office)
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_admit_draft_is_refused(draft, office):
    with pytest.raises(ValidationError):
        services.admit_application(draft, by=office)


def test_reject_requires_a_note(submitted, office):
    with pytest.raises(ValidationError) as info:
        services.reject_application(submitted, by=office, decision_note="  ")
    assert "decision_note" in info.value.error_dict
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_reject_mails_the_municipality(
    submitted, office, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_application(
            submitted,
            by=office,
            decision_note="Diesmal gab es sehr viele Bewerbungen.",
            review_note="Knapp.",
        )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.REJECTED
    assert submitted.review_note == "Knapp."
    assert not Process.objects.exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, submitted.contact_email]
    )
    assert "Diesmal gab es sehr viele Bewerbungen." in mail.outbox[0].body
    assert "Knapp." not in mail.outbox[0].body  # the review note stays internal


# --- Rounds, municipalities and applications: the write path of the views ----------------


def _application(round_, municipality):
    return Application(
        round=round_,
        municipality=municipality,
        motivation="Wir wollen dauerhafte Strukturen schaffen.",
        foundations="Helferkreis seit 2015.",
        structures="Integrationsbeirat",
        topics="Sprache, Arbeit",
        contact_name="Sabine Wolf",
        contact_email="sabine.wolf@neckarbrueck.example",
    )


def test_create_application_saves_a_draft_by_its_author(apply_round, municipality, coordinator):
    application = services.create_application(
        _application(apply_round, municipality), by=coordinator
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.created_by == coordinator
    assert application.submitted_at is None


def test_one_application_per_municipality_and_round(draft, municipality, coordinator):
    with pytest.raises(ValidationError, match="schon beworben"):
        services.create_application(_application(draft.round, municipality), by=coordinator)
    assert Application.objects.count() == 1


def test_no_application_after_the_call_closed(programme, municipality, coordinator):
    closed = RoundFactory(programme=programme, call_closes=date(2020, 3, 1))
    with pytest.raises(ValidationError, match="Bewerbungsfrist dieser Förderrunde ist vorbei"):
        services.create_application(_application(closed, municipality), by=coordinator)
    assert not Application.objects.exists()


def test_update_application_only_while_a_draft(draft, apply_round, coordinator):
    submitted = ApplicationFactory(round=apply_round)
    draft.topics = "Sport"
    services.update_application(draft, by=coordinator)
    draft.refresh_from_db()
    assert draft.topics == "Sport"
    submitted.topics = "Sport"
    with pytest.raises(ValidationError) as error:
        services.update_application(submitted, by=coordinator)
    assert error.value.code == "not_a_draft"
    submitted.refresh_from_db()
    assert submitted.topics != "Sport"


def test_save_round_checks_dates_and_name(programme, round_, office):
    new = Round(
        programme=programme,
        name="2030",
        call_opens=date(2029, 1, 1),
        call_closes=date(2029, 3, 1),
        starts_on=date(2030, 1, 1),
        ends_on=date(2029, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        services.save_round(new, by=office)
    assert "ends_on" in error.value.message_dict
    new.ends_on = date(2030, 12, 31)
    new.name = round_.name
    with pytest.raises(ValidationError):
        services.save_round(new, by=office)
    new.name = "2030"
    assert services.save_round(new, by=office).pk is not None


def test_save_municipality_records_its_creator_and_checks_the_key(office):
    municipality = Municipality(name="Kochertal", kind=MunicipalityKind.GEMEINDE, state=State.BW)
    municipality.ags = "09123456"  # a Bavarian key for a municipality in BW
    with pytest.raises(ValidationError) as error:
        services.save_municipality(municipality, by=office)
    assert "ags" in error.value.message_dict
    municipality.ags = "08123456"
    services.save_municipality(municipality, by=office)
    municipality.refresh_from_db()
    assert municipality.created_by == office


def test_save_programme_gives_a_new_programme_its_catalogue_once(office):
    programme = services.create_programme(
        by=office, name="Neues Programm", short_name="NP", office_members=[office]
    )
    assert list(programme.office_members.all()) == [office]
    assert programme.catalogues.get().status == CatalogueStatus.PUBLISHED
    programme.name = "Neues Programm (umbenannt)"
    services.save_programme(programme, by=office)
    assert programme.catalogues.count() == 1


# --- The moment as an argument --------------------------------------------------------------


@pytest.fixture
def round_2021(programme):
    """A round whose call closed long ago: only a past moment may apply in it."""
    return RoundFactory(
        programme=programme,
        name="2021/2022",
        call_opens=date(2020, 11, 1),
        call_closes=date(2021, 1, 31),
        starts_on=date(2021, 4, 1),
        ends_on=date(2022, 12, 31),
    )


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime(year, month, day, hour, 15))


def test_apply_and_submit_at_a_past_moment(round_2021, municipality, coordinator, office):
    application = services.create_application(
        _application(round_2021, municipality), by=coordinator, now=at(2021, 1, 10)
    )
    with pytest.raises(ValidationError):
        services.submit_application(application, by=coordinator, now=at(2021, 2, 1))
    services.submit_application(application, by=coordinator, now=at(2021, 1, 31, hour=23))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at == at(2021, 1, 31, hour=23)
    assert application.created_at == at(2021, 1, 10)
    assert application.updated_at == at(2021, 1, 31, hour=23)


def test_no_application_at_a_moment_the_call_was_closed(round_2021, municipality, coordinator):
    with pytest.raises(ValidationError):
        services.create_application(
            _application(round_2021, municipality), by=coordinator, now=at(2021, 2, 1)
        )


def test_admit_at_a_past_moment_dates_decision_process_and_log(
    round_2021, municipality, office, facilitator
):
    application = ApplicationFactory(
        round=round_2021, municipality=municipality, submitted_at=at(2021, 1, 20)
    )
    moment = at(2021, 3, 2)
    process = services.admit_application(
        application, by=office, facilitators=[facilitator], now=moment
    )
    application.refresh_from_db()
    assert application.decided_at == application.updated_at == moment
    assert process.created_at == process.updated_at == moment
    # Without a start date: the later of the round's start and the day of the decision.
    assert process.started_on == date(2021, 4, 1)
    assert set(process.log_entries.values_list("at", flat=True)) == {moment}
    assert process.log_entries.count() == 2  # opened, facilitator assigned


def test_admission_after_the_round_started_starts_that_day(round_2021, municipality, office):
    application = ApplicationFactory(round=round_2021, municipality=municipality)
    process = services.admit_application(application, by=office, now=at(2021, 5, 17))
    assert process.started_on == date(2021, 5, 17)


def test_reject_at_a_past_moment(round_2021, municipality, office):
    application = ApplicationFactory(round=round_2021, municipality=municipality)
    services.reject_application(
        application, by=office, decision_note="Zu viele Bewerbungen.", now=at(2021, 3, 2)
    )
    application.refresh_from_db()
    assert application.decided_at == application.updated_at == at(2021, 3, 2)


def test_new_programme_catalogue_is_published_at_the_given_moment(office):
    programme = services.create_programme(by=office, name="Früher", now=at(2018, 1, 15))
    assert programme.created_at == programme.updated_at == at(2018, 1, 15)
    catalogue = programme.catalogues.get()
    assert catalogue.published_at == catalogue.created_at == catalogue.updated_at
    assert catalogue.published_at == at(2018, 1, 15)
