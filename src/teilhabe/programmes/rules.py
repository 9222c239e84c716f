"""Who may do what with programmes, rounds, municipalities and applications."""

import rules
from django.core.exceptions import ObjectDoesNotExist

from teilhabe.accounts.models import Role
from teilhabe.programmes.models import ApplicationStatus


@rules.predicate
def is_office_of_programme(user, programme) -> bool:
    return programme is not None and programme.pk in user.office_programme_ids


@rules.predicate
def is_office_of_round(user, round_) -> bool:
    return round_ is not None and round_.programme_id in user.office_programme_ids


@rules.predicate
def is_office_of_application(user, application) -> bool:
    return application is not None and application.round.programme_id in user.office_programme_ids


@rules.predicate
def is_coordinator_of_application(user, application) -> bool:
    return (
        application is not None
        and user.role == Role.COORDINATOR
        and application.municipality_id == user.municipality_id
    )


@rules.predicate
def is_member_of_application(user, application) -> bool:
    return (
        application is not None
        and user.is_municipal
        and (application.municipality_id == user.municipality_id)
    )


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.SUBMITTED


@rules.predicate
def is_coordinator_of_municipality(user, municipality) -> bool:
    return (
        municipality is not None
        and user.role == Role.COORDINATOR
        and municipality.pk == user.municipality_id
    )


@rules.predicate
def is_programme_office(user) -> bool:
    return user.role == Role.PROGRAMME_OFFICE


@rules.predicate
def is_coordinator(user) -> bool:
    return user.role == Role.COORDINATOR


is_superuser = rules.is_superuser

rules.add_perm("programmes.view_programme", rules.is_authenticated)
rules.add_perm("programmes.change_programme", is_superuser | is_office_of_programme)
rules.add_perm("programmes.add_round", is_superuser | is_office_of_programme)
rules.add_perm("programmes.change_round", is_superuser | is_office_of_round)

rules.add_perm("programmes.add_municipality", is_superuser | is_programme_office)


@rules.predicate
def is_office_of_municipality(user, municipality) -> bool:
    if municipality is None or not user.is_programme_office:
        return False
    return (
        municipality.created_by_id == user.pk
        or municipality.applications.filter(round__programme__in=user.office_programme_ids).exists()
        or municipality.processes.filter(round__programme__in=user.office_programme_ids).exists()
    )


@rules.predicate
def is_member_of_municipality(user, municipality) -> bool:
    return (
        municipality is not None and user.is_municipal and municipality.pk == user.municipality_id
    )


@rules.predicate
def is_facilitator_of_municipality(user, municipality) -> bool:
    return municipality is not None and municipality.pk in user.facilitated_municipality_ids


# Base data of every municipality is public knowledge, but only the programme office
# browses foreign municipalities; municipal people and facilitators open their own.
rules.add_perm(
    "programmes.view_municipality",
    is_superuser | is_programme_office | is_member_of_municipality | is_facilitator_of_municipality,
)


rules.add_perm(
    "programmes.change_municipality",
    is_superuser | is_coordinator_of_municipality | is_office_of_municipality,
)


@rules.predicate
def is_facilitator_of_application(user, application) -> bool:
    if application is None or not user.is_facilitator:
        return False
    try:
        return application.process.pk in user.facilitated_process_ids
    except ObjectDoesNotExist:
        return False


rules.add_perm("programmes.add_application", is_coordinator)
rules.add_perm(
    "programmes.view_application",
    is_superuser
    # Drafts stay private to the municipality until submitted (as in visible_to).
    | (is_office_of_application & ~is_draft)
    | is_member_of_application
    | is_facilitator_of_application,
)
# The review note is the office's internal assessment.
rules.add_perm("programmes.view_review_note", is_superuser | is_office_of_application)
rules.add_perm("programmes.change_application", is_coordinator_of_application & is_draft)
rules.add_perm("programmes.submit_application", is_coordinator_of_application & is_draft)
rules.add_perm(
    "programmes.decide_application", (is_superuser | is_office_of_application) & is_submitted
)
rules.add_perm("programmes.invite_user", is_superuser | is_programme_office | is_coordinator)
