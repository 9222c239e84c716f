"""The questionnaire in steps (issue 9): an introduction, one step per field of action,
a review; each step saves, back and next, resume with the same link."""

import re

import pytest
from django.urls import reverse

from teilhabe.selfcheck.models import Perspective, Response
from tests.selfcheck.factories import InvitationFactory


def shows(html: str, english: str, german: str) -> bool:
    """A new text, in German once its translation is in, in English until then."""
    return english in html or german in html


def respond_url(invitation, step=None):
    url = reverse("selfcheck:respond", args=[invitation.token])
    return url if step is None else f"{url}?step={step}"


@pytest.fixture
def link(open_selfcheck):
    return InvitationFactory(round=open_selfcheck, perspective=Perspective.CIVIL_SOCIETY)


def test_first_visit_explains_how_answers_are_used_before_any_question(client, link, items):
    page = client.get(respond_url(link))
    assert page.status_code == 200
    assert page.context["step"].kind == "intro"
    html = page.text
    assert shows(html, "How your answers are used", "Wie Ihre Antworten verwendet werden")
    assert shows(html, "No name needed", "Kein Name nötig")
    assert shows(html, "averages per perspective", "Mittelwerte je Perspektive")
    # No question yet, and no progress bar before the first step.
    assert 'name="item_' not in html
    assert "<progress" not in html
    assert 'name="next"' in html


@pytest.mark.parametrize(
    ("perspective", "labels"),
    [
        (Perspective.CIVIL_SOCIETY, ("Your organisation", "Ihre Organisation")),
        (Perspective.MIGRANT_ORGANISATIONS, ("Your organisation", "Ihre Organisation")),
        (Perspective.POLITICS, ("Your parliamentary group", "Ihre Fraktion")),
        (Perspective.ADMINISTRATION, ("Your department", "Ihr Amt oder Fachbereich")),
    ],
)
def test_the_perspective_decides_what_is_asked_about_the_respondent(
    client, open_selfcheck, items, perspective, labels
):
    invitation = InvitationFactory(round=open_selfcheck, perspective=perspective)
    html = client.get(respond_url(invitation, 0)).text
    label = html.split('name="department"')[0].rsplit("<label", 1)[1]
    label = label.split(">", 1)[1].split("</label>")[0]
    assert shows(label, *labels)
    if perspective != Perspective.ADMINISTRATION:
        # Civil society and politics have no "Amt" (office) and no department.
        assert "Amt" not in label and "epartment" not in label


def test_residents_are_not_asked_for_an_organisation(client, open_selfcheck, items):
    invitation = InvitationFactory(round=open_selfcheck, perspective=Perspective.RESIDENTS)
    html = client.get(respond_url(invitation, 0)).text
    assert 'name="department"' not in html


def test_starting_without_an_organisation_leaves_no_trace(client, link, items):
    response = client.post(respond_url(link, 0), {"department": "", "next": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith("?step=1")
    assert not Response.objects.exists()


def test_starting_with_an_organisation_saves_it(client, link, items):
    client.post(respond_url(link, 0), {"department": "Freundeskreis Asyl", "next": "1"})
    assert Response.objects.get(invitation=link).department == "Freundeskreis Asyl"


def test_questions_look_like_the_rest_and_are_not_called_optional(client, link, items):
    """Every question is needed to submit, though a step saves without it; the
    "Don't know" choice is a KERN radio like the others, set apart only by its class."""
    html = client.get(respond_url(link, 1)).text
    assert 'name="item_' in html
    assert "kern-label__optional" not in html
    assert 'class="kern-form-check__radio option-dont-know"' in html


def test_a_step_shows_its_field_progress_and_only_its_questions(client, link, items):
    page = client.get(respond_url(link, 1))
    html = page.text
    assert page.status_code == 200
    assert shows(html, "Step 1 of 3", "Schritt 1 von 3")
    assert '<progress max="3" value="1"' in html
    current = html.split('aria-current="step"')[1].split("</li>")[0]
    assert "Haltung und Leitbild" in current
    assert f'name="item_{items["leitbild"].pk}"' in html
    assert f'name="item_{items["beauftragte"].pk}"' in html
    assert f'name="item_{items["budget"].pk}"' not in html
    assert 'name="department"' not in html
    # The form posts back to its own step; no required attribute blocks saving half.
    assert 'action="?step=1"' in html
    assert " required" not in html.split('class="questionnaire"')[1]


def test_next_saves_the_step_and_goes_on_without_touching_the_rest(client, link, items):
    client.post(respond_url(link, 0), {"department": "Tafel", "next": "1"})
    response = client.post(
        respond_url(link, 1),
        {f"item_{items['leitbild'].pk}": "4", f"item_{items['beauftragte'].pk}": "no", "next": "1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?step=2")
    saved = Response.objects.get(invitation=link)
    assert saved.department == "Tafel"  # a step without the question keeps it
    assert saved.answers.count() == 2
    assert not saved.is_submitted
    # The last field goes on to the review.
    response = client.post(respond_url(link, 2), {f"item_{items['budget'].pk}": "3", "next": "1"})
    assert response["Location"].endswith("?step=3")


def test_back_saves_too(client, link, items):
    response = client.post(respond_url(link, 2), {f"item_{items['budget'].pk}": "2", "back": "1"})
    assert response["Location"].endswith("?step=1")
    assert Response.objects.get(invitation=link).answers.get().scale == 2
    response = client.post(respond_url(link, 1), {"back": "1"})
    assert response["Location"].endswith("?step=0")


def test_save_and_continue_later_stays_on_the_step(client, link, items):
    response = client.post(
        respond_url(link, 2), {f"item_{items['budget'].pk}": "2", "save": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith("?step=2")
    assert "nicht endgültig" in response.text
    assert re.search(rf'value="2" [^>]*id="id_item_{items["budget"].pk}_1" checked', response.text)


def test_a_submit_from_a_field_step_only_saves(client, link, items):
    data = {
        f"item_{items['leitbild'].pk}": "4",
        f"item_{items['beauftragte'].pk}": "yes",
        "submit": "1",
    }
    client.post(respond_url(link, 1), data)
    assert not Response.objects.get(invitation=link).is_submitted


def test_resume_with_the_same_link_at_the_first_open_step(client, link, items):
    client.post(respond_url(link, 1), {f"item_{items['leitbild'].pk}": "4", "next": "1"})
    assert client.__class__().get(respond_url(link)).context["step"].number == 1
    # The browser posts the step's whole form again, the earlier answer included.
    client.post(
        respond_url(link, 1),
        {f"item_{items['leitbild'].pk}": "4", f"item_{items['beauftragte'].pk}": "yes"},
    )
    assert client.__class__().get(respond_url(link)).context["step"].number == 2
    client.post(respond_url(link, 2), {f"item_{items['budget'].pk}": "dont_know", "next": "1"})
    # Everything required is answered (the free text is optional): the review.
    assert client.__class__().get(respond_url(link)).context["step"].kind == "review"
    # A step that does not exist is no error: the link resumes.
    assert client.get(respond_url(link, 99)).context["step"].kind == "review"


def test_review_shows_every_answer_and_what_is_open(client, link, items):
    client.post(respond_url(link, 1), {f"item_{items['leitbild'].pk}": "4", "next": "1"})
    page = client.get(respond_url(link, 3))
    html = page.text
    assert page.context["step"].kind == "review"
    assert "4 – trifft eher zu" in html
    assert shows(html, "Not answered yet", "Noch nicht beantwortet")
    assert 'href="?step=1"' in html and 'href="?step=2"' in html
    assert 'name="submit"' in html


def test_submit_from_the_review_with_open_questions_links_to_their_steps(client, link, items):
    client.post(respond_url(link, 1), {f"item_{items['leitbild'].pk}": "4", "next": "1"})
    page = client.post(respond_url(link, 3), {"submit": "1"})
    assert page.status_code == 400
    summary = page.text.split('class="form-errors error-summary"')[1].split("</div>")[0]
    assert f'href="?step=1#id_item_{items["beauftragte"].pk}"' in summary
    assert f'href="?step=2#id_item_{items["budget"].pk}"' in summary
    assert not Response.objects.get(invitation=link).is_submitted


def test_submit_from_the_review_makes_the_answers_final(client, link, items):
    client.post(
        respond_url(link, 1),
        {f"item_{items['leitbild'].pk}": "4", f"item_{items['beauftragte'].pk}": "yes"},
    )
    client.post(respond_url(link, 2), {f"item_{items['budget'].pk}": "dont_know"})
    response = client.post(respond_url(link, 3), {"submit": "1"})
    assert response.status_code == 302
    assert Response.objects.get(invitation=link).is_submitted
    assert client.get(respond_url(link)).context["kind"] == "submitted"


def test_staff_answer_in_the_same_steps(client, team_member, selfcheck, items):
    client.force_login(team_member)
    url = reverse("selfcheck:answer", args=[selfcheck.pk])
    intro = client.get(url)
    assert intro.context["step"].kind == "intro"
    assert shows(intro.text, "Your department", "Ihr Amt oder Fachbereich")
    assert shows(intro.text, "with your account", "mit Ihrem Konto")
    response = client.post(f"{url}?step=1", {f"item_{items['leitbild'].pk}": "5", "next": "1"})
    assert response["Location"].endswith("?step=2")
    assert Response.objects.get(respondent=team_member).answers.get().scale == 5
