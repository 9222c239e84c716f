"""Services used by the round, answering and instrument pages."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import (
    Answer,
    Item,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    VersionStatus,
)
from tests.selfcheck.factories import (
    AnswerFactory,
    InstrumentVersionFactory,
    ResponseFactory,
)


def answer_all(response, items, **overrides):
    values = {
        items["leitbild"].pk: {"scale": 4},
        items["beauftragte"].pk: {"yes": True},
        items["budget"].pk: {"dont_know": True},
    }
    values.update(overrides)
    services.save_answers(response, values)


# --- Rounds ------------------------------------------------------------------------------


def test_open_round_uses_the_published_version(municipality, version, coordinator):
    round_ = services.open_round(municipality, by=coordinator, title="Selbstcheck 2021")
    assert round_.version == version
    assert round_.status == RoundStatus.ADMINISTRATION


def test_round_dates_follow_the_given_days(municipality, version, coordinator, items):
    round_ = services.open_round(
        municipality, by=coordinator, title="Selbstcheck 2021", on=date(2021, 2, 1)
    )
    assert round_.opened_on == date(2021, 2, 1)
    services.set_round_status(round_, RoundStatus.CLOSED, by=coordinator, on=date(2021, 5, 3))
    round_.refresh_from_db()
    assert round_.closed_on == date(2021, 5, 3)


def at(month, day, hour=10):
    return timezone.make_aware(datetime(2021, month, day, hour, 15))


def test_a_round_opens_and_moves_on_at_the_given_moments(municipality, version, coordinator):
    round_ = services.open_round(
        municipality, by=coordinator, title="Selbstcheck 2021", now=at(2, 1)
    )
    round_.refresh_from_db()
    assert round_.opened_on == date(2021, 2, 1)
    assert round_.created_at == round_.updated_at == at(2, 1)
    services.set_round_status(round_, RoundStatus.CLOSED, by=coordinator, now=at(5, 3))
    round_.refresh_from_db()
    assert round_.closed_on == date(2021, 5, 3)
    assert (round_.created_at, round_.updated_at) == (at(2, 1), at(5, 3))


def test_invitation_is_valid_for_the_set_days_from_the_given_moment(
    selfcheck, coordinator, settings
):
    settings.SELFCHECK_INVITATION_DAYS = 21
    moment = timezone.make_aware(datetime(2021, 3, 1, 9, 30))
    invitation = services.create_invitation(
        selfcheck, perspective=Perspective.CIVIL_SOCIETY, by=coordinator, now=moment
    )
    invitation.refresh_from_db()
    assert invitation.expires_at == moment + timedelta(days=21)
    assert invitation.created_at == invitation.updated_at == moment


def test_submit_response_stamps_the_given_moment(selfcheck, coordinator, items):
    response = services.response_for_member(selfcheck, coordinator)
    answer_all(response, items)
    moment = timezone.make_aware(datetime(2021, 3, 4, 10, 15))
    services.submit_response(response, now=moment)
    response.refresh_from_db()
    assert response.submitted_at == response.updated_at == moment


def test_a_questionnaire_started_and_submitted_at_given_moments(selfcheck, coordinator, items):
    started, saved, submitted = at(3, 1), at(3, 2), at(3, 4)
    services.answer_questionnaire(
        selfcheck, {}, department="Ordnungsamt", by=coordinator, now=started
    )
    response = Response.objects.get()
    assert response.created_at == response.updated_at == started
    services.save_answers(response, {items["leitbild"].pk: {"scale": 2}}, now=saved)
    response.refresh_from_db()
    assert (response.created_at, response.updated_at) == (started, saved)
    services.answer_questionnaire(
        selfcheck,
        complete_values(items),
        department="Ordnungsamt",
        submit=True,
        by=coordinator,
        now=submitted,
    )
    response.refresh_from_db()
    assert (response.created_at, response.updated_at) == (started, submitted)
    assert response.submitted_at == submitted


def test_responses_are_created_at_the_given_moment(selfcheck, coordinator, invitation):
    member = services.response_for_member(selfcheck, coordinator, now=at(3, 1))
    linked = services.response_for_invitation(invitation, now=at(3, 2))
    assert (member.created_at, member.updated_at) == (at(3, 1), at(3, 1))
    assert (linked.created_at, linked.updated_at) == (at(3, 2), at(3, 2))
    # On later use the response is the same, its moment unchanged.
    again = services.response_for_member(selfcheck, coordinator, now=at(4, 1))
    assert (again, again.created_at) == (member, at(3, 1))


def test_open_round_refuses_a_foreign_baseline(municipality, foreign_selfcheck, coordinator):
    with pytest.raises(ValidationError):
        services.open_round(
            municipality, by=coordinator, title="Zweiter", baseline=foreign_selfcheck
        )


def test_administration_answers_first(selfcheck, coordinator, items):
    with pytest.raises(ValidationError, match="Zuerst antwortet die Verwaltung"):
        services.set_round_status(selfcheck, RoundStatus.PERSPECTIVES, by=coordinator)
    assert not services.administration_has_answered(selfcheck)
    response = services.response_for_member(selfcheck, coordinator)
    answer_all(response, items)
    services.submit_response(response)
    assert services.administration_has_answered(selfcheck)
    services.set_round_status(selfcheck, RoundStatus.PERSPECTIVES, by=coordinator)
    selfcheck.refresh_from_db()
    assert selfcheck.status == RoundStatus.PERSPECTIVES


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (RoundStatus.ADMINISTRATION, [RoundStatus.PERSPECTIVES, RoundStatus.CLOSED]),
        (RoundStatus.PERSPECTIVES, [RoundStatus.CLOSED]),
        (RoundStatus.CLOSED, []),
    ],
)
def test_next_statuses_only_move_forward(selfcheck, status, expected):
    selfcheck.status = status
    assert services.next_statuses(selfcheck) == expected


@pytest.mark.parametrize(
    ("status", "perspective", "allowed"),
    [
        (RoundStatus.ADMINISTRATION, Perspective.ADMINISTRATION, True),
        (RoundStatus.ADMINISTRATION, Perspective.POLITICS, False),
        (RoundStatus.PERSPECTIVES, Perspective.POLITICS, True),
        (RoundStatus.PERSPECTIVES, Perspective.ADMINISTRATION, True),
        (RoundStatus.CLOSED, Perspective.ADMINISTRATION, False),
    ],
)
def test_perspective_allowed(selfcheck, status, perspective, allowed):
    selfcheck.status = status
    assert services.perspective_allowed(selfcheck, perspective) is allowed


def test_send_invitation_mails_the_link(invitation, django_capture_on_commit_callbacks):
    invitation.email = "beirat@example.org"
    link = f"https://teilhabe.example{invitation.get_absolute_url()}"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_invitation(invitation, link=link) == 1
    message = mail.outbox[-1]
    assert message.to == ["beirat@example.org"]
    assert link in message.body
    assert "Neckarbrück" in message.subject
    assert "&quot;" not in message.body and "&amp;" not in message.body


def test_send_invitation_without_address_sends_nothing(invitation):
    assert services.send_invitation(invitation, link="https://x.example/") == 0
    assert mail.outbox == []


# --- Answering -----------------------------------------------------------------------------


def test_missing_items_and_dont_know(selfcheck, items):
    response = ResponseFactory(round=selfcheck)
    assert {i.key for i in services.missing_items(response)} == {
        "leitbild",
        "beauftragte",
        "budget",
    }
    services.save_answers(response, {items["budget"].pk: {"dont_know": True}})
    # "Don't know" is an answer; the optional free text never counts as missing.
    assert [i.key for i in services.missing_items(response)] == ["leitbild", "beauftragte"]


def test_submit_refuses_while_items_are_missing(selfcheck, items):
    response = ResponseFactory(round=selfcheck)
    services.save_answers(response, {items["leitbild"].pk: {"scale": 2}})
    with pytest.raises(ValidationError):
        services.submit_response(response)
    response.refresh_from_db()
    assert not response.is_submitted


def test_saving_answers_again_changes_them_in_place(selfcheck, items, django_assert_num_queries):
    response = ResponseFactory(round=selfcheck)
    services.save_answers(response, {items["leitbild"].pk: {"scale": 2}})
    first = Answer.objects.get(response=response)
    values = complete_values(items)
    values[items["leitbild"].pk] = {"dont_know": True, "scale": 3}
    # Lock, round, items, existing answers, insert, update, the response's timestamp;
    # in a transaction (savepoint and release): the same count for 3 answers or 60.
    with django_assert_num_queries(9):
        services.save_answers(response, values)
    answers = {a.item_id: a for a in Answer.objects.filter(response=response)}
    assert len(answers) == 3
    changed = answers[items["leitbild"].pk]
    assert changed.pk == first.pk
    assert (changed.dont_know, changed.scale) == (True, None)
    assert answers[items["beauftragte"].pk].yes is True


def test_saving_updates_only_changed_answers_one_statement_per_value(selfcheck, items):
    """The save runs while SQLite is locked for writing: no CASE over every answer,
    nothing for an answer that stayed the same."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = ResponseFactory(round=selfcheck)
    values = complete_values(items)
    services.save_answers(response, values)

    def answer_updates(new_values) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            services.save_answers(response, new_values)
        return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "selfcheck_answer"')]

    assert answer_updates(values) == []
    # Two answers change to the same value (the third was "don't know" already).
    two = [items["leitbild"].pk, items["beauftragte"].pk]
    updates = answer_updates(values | {pk: {"dont_know": True} for pk in two})
    assert len(updates) == 1
    assert "CASE" not in updates[0]
    assert Answer.objects.filter(response=response, dont_know=True).count() == 3


def test_a_value_outside_the_scale_is_refused_before_anything_is_stored(selfcheck, items):
    response = ResponseFactory(round=selfcheck)
    with pytest.raises(ValidationError):
        services.save_answers(
            response, {items["beauftragte"].pk: {"yes": True}, items["leitbild"].pk: {"scale": 6}}
        )
    assert not Answer.objects.exists()


def test_submitted_answers_are_final(selfcheck, items):
    response = ResponseFactory(round=selfcheck)
    answer_all(response, items)
    services.submit_response(response)
    response.refresh_from_db()
    with pytest.raises(ValidationError):
        services.save_answers(response, {items["leitbild"].pk: {"scale": 1}})
    with pytest.raises(ValidationError):
        services.submit_response(response)
    assert Answer.objects.get(response=response, item=items["leitbild"]).scale == 4


def complete_values(items) -> dict[int, dict]:
    return {
        items["leitbild"].pk: {"scale": 4},
        items["beauftragte"].pk: {"yes": True},
        items["budget"].pk: {"dont_know": True},
    }


def test_answer_questionnaire_saves_a_draft_with_the_department(selfcheck, coordinator, items):
    outcome = services.answer_questionnaire(
        selfcheck,
        {items["leitbild"].pk: {"scale": 5}},
        department="  Ordnungsamt ",
        by=coordinator,
    )
    assert not outcome.submitted and outcome.missing == []
    response = Response.objects.get()
    assert response == outcome.response
    assert response.respondent == coordinator
    assert response.perspective == Perspective.ADMINISTRATION
    assert response.department == "Ordnungsamt"
    assert response.answers.get().scale == 5
    assert not response.is_submitted
    # The next save continues the same response.
    services.answer_questionnaire(
        selfcheck, {items["budget"].pk: {"scale": 1}}, department="Ordnungsamt", by=coordinator
    )
    assert Response.objects.get().answers.count() == 2


def test_submit_with_missing_answers_keeps_them_as_a_draft(selfcheck, coordinator, items):
    # The rule the page states: "Your answers were saved, but not submitted".
    outcome = services.answer_questionnaire(
        selfcheck,
        {items["leitbild"].pk: {"scale": 3}},
        department="Personalamt",
        submit=True,
        by=coordinator,
    )
    assert not outcome.submitted
    assert [item.key for item in outcome.missing] == ["beauftragte", "budget"]
    response = Response.objects.get()
    assert response.submitted_at is None
    assert response.department == "Personalamt"
    assert response.answers.get().item == items["leitbild"]


def test_submit_makes_the_response_final_at_the_given_moment(selfcheck, coordinator, items):
    moment = timezone.make_aware(datetime(2021, 3, 4, 10, 15))
    outcome = services.answer_questionnaire(
        selfcheck,
        complete_values(items),
        department="",
        submit=True,
        by=coordinator,
        now=moment,
    )
    assert outcome.submitted
    response = Response.objects.get()
    assert response.submitted_at == moment
    with pytest.raises(ValidationError):
        services.answer_questionnaire(
            selfcheck, complete_values(items), department="", by=coordinator
        )


def test_answer_questionnaire_is_one_transaction(selfcheck, coordinator, items):
    response = ResponseFactory(
        round=selfcheck,
        respondent=coordinator,
        perspective=Perspective.ADMINISTRATION,
        department="Alt",
    )
    services.save_answers(response, {items["leitbild"].pk: {"scale": 2}})
    # Valid answers first, then a question of no self-check: the service has written
    # the valid ones when it meets the foreign id, and must take them back.
    foreign = Item.objects.order_by("-pk").first().pk + 1000
    values = complete_values(items)
    values[items["leitbild"].pk] = {"scale": 5}
    values[foreign] = {"scale": 1}
    with pytest.raises(ValidationError):
        services.answer_questionnaire(
            selfcheck, values, department="Neu", submit=True, by=coordinator
        )
    response.refresh_from_db()
    assert response.department == "Alt"
    assert not response.is_submitted
    assert [(a.item_id, a.scale) for a in response.answers.all()] == [(items["leitbild"].pk, 2)]


def test_a_refused_first_save_leaves_no_response_behind(selfcheck, team_member, items):
    foreign = Item.objects.order_by("-pk").first().pk + 1000
    with pytest.raises(ValidationError):
        services.answer_questionnaire(
            selfcheck,
            {**complete_values(items), foreign: {"scale": 1}},
            department="Kämmerei",
            submit=True,
            by=team_member,
        )
    assert not Response.objects.exists()
    assert not Answer.objects.exists()


def test_a_link_answers_only_while_valid_and_its_perspective_may_answer(invitation, items):
    # The round is in the administration phase: civil society does not answer yet.
    with pytest.raises(ValidationError):
        services.answer_questionnaire(
            invitation.round, complete_values(items), department="", invitation=invitation
        )
    assert not Response.objects.exists()
    invitation.round.status = RoundStatus.PERSPECTIVES
    invitation.round.save(update_fields=["status"])
    later = invitation.expires_at + timedelta(minutes=1)
    with pytest.raises(ValidationError):
        services.answer_questionnaire(
            invitation.round,
            complete_values(items),
            department="",
            submit=True,
            invitation=invitation,
            now=later,
        )
    assert not Response.objects.exists()
    outcome = services.answer_questionnaire(
        invitation.round, complete_values(items), department="", submit=True, invitation=invitation
    )
    assert outcome.submitted
    assert outcome.response.invitation == invitation
    assert outcome.response.perspective == Perspective.CIVIL_SOCIETY


def test_response_of_another_perspective_cannot_submit_in_the_administration_phase(
    invitation, items
):
    response = services.response_for_invitation(invitation)
    assert services.response_for_invitation(invitation) == response
    answer_all(response, items)
    with pytest.raises(ValidationError):
        services.submit_response(response)


# --- Versions ------------------------------------------------------------------------------


def test_a_version_with_answers_cannot_be_edited(version, selfcheck, items):
    draft = InstrumentVersionFactory(instrument=version.instrument, status=VersionStatus.DRAFT)
    assert draft.is_editable
    # The published version is locked already; with answers it stays locked.
    AnswerFactory(response=ResponseFactory(round=selfcheck), item=items["leitbild"])
    assert version.has_answers
    assert not version.is_editable
    with pytest.raises(ValidationError):
        services.ensure_editable(version)
    with pytest.raises(ValidationError):
        services.update_item_texts(items["leitbild"], text="Neu")


def test_a_draft_with_answers_is_locked_too(version, selfcheck, items):
    # A draft that somebody answered (e.g. a test round) is frozen as well.
    version.status = VersionStatus.DRAFT
    version.save(update_fields=["status"])
    assert version.is_editable
    AnswerFactory(response=ResponseFactory(round=selfcheck), item=items["budget"])
    assert not version.is_editable


def test_succeed_copies_fields_and_items(version, office):
    draft = services.succeed_version(version, by=office, note="Neue Formulierungen")
    assert (draft.number, draft.status) == (2, VersionStatus.DRAFT)
    old = [(f.key, f.name) for f in version.fields.all()]
    new = [(f.key, f.name) for f in draft.fields.all()]
    assert old == new
    old_items = Item.objects.filter(field__version=version).values_list("key", "kind", "text")
    new_items = Item.objects.filter(field__version=draft).values_list("key", "kind", "text")
    assert sorted(old_items) == sorted(new_items)
    assert set(Item.objects.filter(field__version=draft)).isdisjoint(
        Item.objects.filter(field__version=version)
    )
    # A second call gives the same draft rather than a third version.
    assert services.succeed_version(version, by=office) == draft


def test_publish_retires_the_old_version_and_old_answers_stay(
    version, selfcheck, items, office, municipality, coordinator
):
    response = ResponseFactory(round=selfcheck)
    answer = AnswerFactory(response=response, item=items["leitbild"], scale=2)
    draft = services.succeed_version(version, by=office)
    new_item = Item.objects.get(field__version=draft, key="leitbild")
    services.update_item_texts(new_item, text="Neue Formulierung", text_en="New wording")
    services.publish_version(draft, by=office)
    version.refresh_from_db()
    draft.refresh_from_db()
    assert version.status == VersionStatus.RETIRED
    assert draft.status == VersionStatus.PUBLISHED
    later = services.open_round(municipality, by=coordinator, title="Zweiter Selbstcheck")
    assert later.version == draft
    selfcheck.refresh_from_db()
    assert selfcheck.version == version
    answer.refresh_from_db()
    assert answer.item == items["leitbild"]
    assert answer.item.text != "Neue Formulierung"


def test_publish_only_drafts_with_items(version, office):
    with pytest.raises(ValidationError):
        services.publish_version(version, by=office)
    empty = InstrumentVersionFactory(instrument=version.instrument, status=VersionStatus.DRAFT)
    with pytest.raises(ValidationError):
        services.publish_version(empty, by=office)


def test_publish_version_at_the_given_moment(version, office):
    draft = services.succeed_version(version, by=office)
    moment = timezone.make_aware(datetime(2020, 9, 1, 8, 0))
    services.publish_version(draft, by=office, now=moment)
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (VersionStatus.PUBLISHED, moment)


def test_update_item_texts_on_a_draft(version, office):
    draft = services.succeed_version(version, by=office)
    item = Item.objects.filter(field__version=draft, kind=ItemKind.LIKERT).first()
    services.update_item_texts(item, text="Geändert", help="Hilfe")
    item.refresh_from_db()
    assert (item.text, item.help) == ("Geändert", "Hilfe")


# --- Workshop record -----------------------------------------------------------------------


def test_save_workshop_stores_notes_and_steps_together(selfcheck, coordinator, version):
    attitude, resources = version.fields.order_by("position")
    services.save_workshop(
        selfcheck,
        [
            services.WorkshopEntry(
                field=attitude, note_changed=True, potentials="Leitbild", recommendations="Rat"
            ),
            services.WorkshopEntry(field=resources, step_text="Budget beantragen"),
        ],
        by=coordinator,
    )
    assert selfcheck.workshop_notes.get().field == attitude
    step = selfcheck.first_steps.get()
    assert (step.field, step.created_by) == (resources, coordinator)


def test_the_workshop_record_is_dated_at_the_given_moment(selfcheck, coordinator, version):
    attitude, _resources = version.fields.order_by("position")
    services.save_workshop(
        selfcheck,
        [
            services.WorkshopEntry(field=attitude, note_changed=True, potentials="Leitbild"),
            services.WorkshopEntry(field=attitude, step_text="AG gründen"),
        ],
        by=coordinator,
        now=at(6, 1),
    )
    note, step = selfcheck.workshop_notes.get(), selfcheck.first_steps.get()
    assert note.created_at == note.updated_at == step.created_at == step.updated_at == at(6, 1)
    services.save_workshop(
        selfcheck,
        [services.WorkshopEntry(field=attitude, note_changed=True, potentials="Neu")],
        by=coordinator,
        now=at(6, 8),
    )
    note.refresh_from_db()
    assert (note.potentials, note.created_at, note.updated_at) == ("Neu", at(6, 1), at(6, 8))


def test_save_workshop_saves_nothing_when_a_step_is_invalid(selfcheck, coordinator, version):
    attitude, resources = version.fields.order_by("position")
    with pytest.raises(ValidationError):
        services.save_workshop(
            selfcheck,
            [
                services.WorkshopEntry(field=attitude, note_changed=True, potentials="Leitbild"),
                services.WorkshopEntry(field=resources, step_text="x" * 501),
            ],
            by=coordinator,
        )
    assert not selfcheck.workshop_notes.exists()
    assert not selfcheck.first_steps.exists()
