"""Hiding, keeping hidden and blocking ask first, on a page of their own, and need a written
reason that the person concerned is told (issue 13)."""

import pytest

from participa.moderation import operations
from participa.moderation.models import ModerationStatus
from participa.moderation.queries import moderation_of
from tests.support import factories
from tests.support.moderation import refreshed, report_by
from tests.support.records import log_entries
from tests.support.web import CSRF_RE, login, post, sync, text

REASON = "Publica el telèfon d'un veí."


def _reported(comment, n=1):
    report_by(comment, n)
    return moderation_of(comment)


def test_the_item_page_leads_to_the_confirmations(client, comment, author, council, commit):
    moderation = _reported(comment)
    commit()
    login(client, council)
    html = text(client.get(f"/moderation/{moderation.id}"))
    assert f'href="/moderation/{moderation.id}/hide"' in html
    assert f'action="/moderation/{moderation.id}/hide"' not in html
    assert f'href="/moderation/people/{author.id}/block?next=/moderation/{moderation.id}"' in html
    assert f'action="/moderation/people/{author.id}/block"' not in html


@pytest.mark.parametrize("action, heading", [
    ("hide", "Hide this content?"),
    ("keep-hidden", "Keep it hidden?"),
])
def test_the_decision_confirmation_pages(client, comment, author, facilitator, commit, action,
                                         heading):
    moderation = _reported(comment, 3)  # hidden by reports
    if action == "keep-hidden":
        operations.appeal(moderation, "No és un insult.", actor=author)
    else:
        operations.unhide_target(moderation, actor=facilitator)
        report_by(comment, 1)
    commit()
    login(client, facilitator)
    page = f"/moderation/{moderation.id}/{action}"

    response = client.get(page)

    assert response.status_code == 200
    html = text(response)
    assert heading in html
    assert f'<form method="post" action="{page}"' in html and CSRF_RE.search(html)
    assert 'name="reason"' in html and "The person concerned receives it by e-mail" in html
    assert f'href="/moderation/{moderation.id}" class="confirm-back">' in html
    assert log_entries("hide") == [] and log_entries("reject_appeal") == []


@pytest.mark.parametrize("action", ["hide", "keep-hidden"])
def test_a_decision_without_a_reason_changes_nothing(client, comment, author, facilitator,
                                                     outbox, commit, action):
    moderation = _reported(comment, 3 if action == "keep-hidden" else 1)
    if action == "keep-hidden":
        operations.appeal(moderation, "No és un insult.", actor=author)
    commit()
    login(client, facilitator)
    page = f"/moderation/{moderation.id}/{action}"

    response = post(client, page, {"reason": "   "}, token_from=page)

    assert response.status_code == 400
    assert "Write the reason: the person will be told." in text(response)
    sync()
    moderation = refreshed(moderation)
    assert moderation.appeal_answered_at is None
    assert (moderation.status is ModerationStatus.HIDDEN) is (action == "keep-hidden")
    assert log_entries("hide") == [] and log_entries("reject_appeal") == []
    assert [m for m in outbox() if m["To"] == author.email] == []


def test_the_missing_reason_is_said_in_the_moderators_language(client, comment, process,
                                                               commit):
    moderation = _reported(comment)
    catalan = factories.make_user("facilitator", process=process, locale="ca")
    commit()
    login(client, catalan)
    page = f"/moderation/{moderation.id}/hide"
    response = post(client, page, {"reason": ""}, token_from=page)
    assert response.status_code == 400
    assert "Escriu el motiu: se li comunicarà a la persona." in text(response)


def test_hiding_with_a_reason_stores_it_and_tells_the_author(client, comment, author,
                                                             facilitator, outbox, commit):
    moderation = _reported(comment)
    commit()
    login(client, facilitator)
    page = f"/moderation/{moderation.id}/hide"

    response = post(client, page, {"reason": REASON}, token_from=page)

    assert response.status_code == 302
    sync()
    assert refreshed(moderation).status is ModerationStatus.HIDDEN
    (entry,) = log_entries("hide")
    assert entry.data["reason"] == REASON
    (message,) = [m for m in outbox() if m["To"] == author.email]
    assert REASON in message.get_content()
    # the moderators read it in the item's decisions
    assert REASON.replace("'", "&#39;") in text(client.get(f"/moderation/{moderation.id}"))


def test_keeping_hidden_with_a_reason_tells_the_author(client, comment, author, facilitator,
                                                       outbox, commit):
    moderation = _reported(comment, 3)
    operations.appeal(moderation, "No és un insult.", actor=author)
    commit()
    login(client, facilitator)
    page = f"/moderation/{moderation.id}/keep-hidden"
    assert post(client, page, {"reason": REASON}, token_from=page).status_code == 302
    sync()
    assert refreshed(moderation).appeal_answered_at is not None
    assert log_entries("reject_appeal")[0].data["reason"] == REASON
    (message,) = [m for m in outbox() if m["To"] == author.email]
    assert "keep it hidden" in message.get_content() and REASON in message.get_content()


@pytest.mark.parametrize("action", ["hide", "keep-hidden"])
def test_decision_confirmations_are_403_or_404(client, comment, author, commit, action):
    moderation = _reported(comment)
    stranger = factories.make_user("facilitator",
                                   process=factories.make_process(title="Un altre procés"))
    resident = factories.make_user()
    commit()
    for who in (stranger, resident):
        browser = client.another()
        login(browser, who)
        assert browser.get(f"/moderation/{moderation.id}/{action}").status_code == 403
        assert post(browser, f"/moderation/{moderation.id}/{action}",
                    {"reason": REASON}).status_code == 403
        assert browser.get(f"/moderation/999999/{action}").status_code == 404
    assert refreshed(moderation).status is ModerationStatus.PENDING


# --- blocking ------------------------------------------------------------------------------------


def test_the_block_confirmation_page(client, author, council, commit):
    commit()
    login(client, council)
    response = client.get(f"/moderation/people/{author.id}/block")
    assert response.status_code == 200
    html = text(response)
    assert f"Block {author.name}?" in html
    assert f'<form method="post" action="/moderation/people/{author.id}/block"' in html
    assert 'name="reason"' in html
    assert f'href="/accounts/people/{author.id}" class="confirm-back">' in html
    assert not refreshed(author).is_blocked


def test_the_block_confirmation_goes_back_to_a_local_page_only(client, author, council,
                                                               commit):
    commit()
    login(client, council)
    html = text(client.get(f"/moderation/people/{author.id}/block?next=https://evil.example/"))
    assert f'href="/accounts/people/{author.id}" class="confirm-back">' in html
    assert f'name="next" value="/accounts/people/{author.id}"' in html


def test_blocking_needs_a_reason(client, author, council, outbox, commit):
    commit()
    login(client, council)
    page = f"/moderation/people/{author.id}/block"
    response = post(client, page, {"reason": ""}, token_from=page)
    assert response.status_code == 400
    assert "Write the reason: the person will be told." in text(response)
    assert not refreshed(author).is_blocked
    assert log_entries("block_user") == []
    assert [m for m in outbox() if m["To"] == author.email] == []


def test_blocking_with_a_reason_tells_the_person_in_their_language(client, council, outbox,
                                                                  commit):
    person = factories.make_user(name="Pep Pesat", email="pep@example.org", locale="es")
    commit()
    login(client, council)
    page = f"/moderation/people/{person.id}/block"

    response = post(client, page, {"reason": REASON, "next": "/moderation/"}, token_from=page)

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/moderation/")
    assert refreshed(person).is_blocked
    assert log_entries("block_user")[0].data["reason"] == REASON
    (message,) = [m for m in outbox() if m["To"] == "pep@example.org"]
    assert message["Subject"] == "Tu cuenta ha sido bloqueada"
    body = message.get_content()
    assert "El Ayuntamiento ha bloqueado tu cuenta" in body and REASON in body


def test_block_confirmations_are_403_or_404(client, author, facilitator, council, commit):
    colleague = factories.make_user("council")
    commit()
    login(client, facilitator)
    assert client.get(f"/moderation/people/{author.id}/block").status_code == 403
    assert post(client, f"/moderation/people/{author.id}/block",
                {"reason": REASON}).status_code == 403
    other = client.another()
    login(other, council)
    assert other.get(f"/moderation/people/{colleague.id}/block").status_code == 403
    assert other.get("/moderation/people/999999/block").status_code == 404
    assert not refreshed(author).is_blocked and not refreshed(colleague).is_blocked
