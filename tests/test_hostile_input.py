"""Every route of the URL map, walked with hostile values — numbers beyond any database id,
negative ones, NUL bytes, invalid UTF-8, unknown enum values, a file where text is expected,
missing fields — by a visitor and by the council: no answer is a 5xx."""

import io
import re

import pytest
from werkzeug.routing import IntegerConverter

from participa.extensions import db
from tests.support import factories
from tests.support.budgets import make_budget, voting_process
from tests.support.comments import make_comment
from tests.support.debates import make_debate
from tests.support.meetings import make_meeting
from tests.support.polls import make_poll
from tests.support.proposals import make_proposal
from tests.support.web import CSRF_RE, login, text

HUGE = "99999999999999999999"
ARGUMENT = re.compile(r"<(?:[^:>]+:)?([^>]+)>")
BAD_TEXT = ["%00", "%ff%fe", "x" * 300]
QUERY = ("?page=" + HUGE + "&category=" + HUGE + "&neighbourhood=-1&plan=%00&state=nope"
         "&sort=nope&q=%ff%00&kind=nope&when=nope&show=nope&comments=nope&filter=nope")
FORM = {
    "title": "Títol\x00", "body": "Text\x00", "name": "Nom\u2028", "email": "a@b.org\r\nBcc: x",
    "password": "x" * 200, "state": "nope", "kind": "nope", "reason": "nope", "value": "nope",
    "alignment": "nope", "category_id": HUGE, "neighbourhood_id": "-1", "plan_id": "%00",
    "starts_at": "2026-13-45T99:99", "ends_at": "nope", "capacity": HUGE, "parent_id": HUGE,
    "proposal_ids": HUGE, "lang": "xx", "next": "//evil.example", "form_name": "profile",
    "code": "\x00", "conclusion": "", "minutes": "", "appeal": "", "action": "publish",
}


@pytest.fixture
def town(make_process, app, monkeypatch):
    for setting, value in app.config.items():
        if setting.startswith("RATELIMIT_") and isinstance(value, str) and " per " in value:
            monkeypatch.setitem(app.config, setting, "100000 per minute")
    process = make_process(categories=("Cultura",), residents_open_debates=True)
    council = factories.make_user("council", locale="en")
    proposal = make_proposal(process, factories.make_user())
    make_debate(process, council)
    make_meeting(process, council)
    make_comment(proposal, factories.make_user())
    plan = factories.make_plan()
    votes = voting_process()  # a budget and a poll taking ballots, so their handlers are reached
    budget = make_budget(votes, actor=council)
    poll = make_poll(votes, actor=council, kind="ranked")
    db.session.commit()
    return {"slug": process.slug, "plan": plan.slug, "council": council,
            "id": str(proposal.id), "votes": votes.slug, "budget": str(budget.id),
            "project": str(budget.projects[0].id), "poll": str(poll.id)}


def _plain_value(rule, name, converter, town):
    """A value that leads somewhere real, so the hostile ones reach the handler's own checks."""
    votes = "/budgets/" in rule.rule or "/polls/" in rule.rule
    if isinstance(converter, IntegerConverter):
        if "/budgets/" in rule.rule:
            return town["project"] if name == "project_id" else town["budget"]
        return town["poll"] if "/polls/" in rule.rule else town["id"]
    if name == "slug":
        if "/plans/" in rule.rule:
            return town["plan"]
        return town["votes"] if votes else town["slug"]
    return "proposals" if name == "kind" else "x"


def paths(app, town):
    """(methods, path) for every rule, with each argument made hostile in turn."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        arguments = [name for name in rule.arguments if name not in (rule.defaults or {})]
        plain = {name: _plain_value(rule, name, rule._converters[name], town)
                 for name in arguments}
        variants = [plain]
        for name in arguments:
            converter = rule._converters[name]
            bad = [HUGE, "-1", "0"] if isinstance(converter, IntegerConverter) else BAD_TEXT
            variants += [{**plain, name: value} for value in bad]
        for values in variants:
            path = ARGUMENT.sub(lambda m, values=values: values[m.group(1)], rule.rule)
            yield rule.methods - {"HEAD", "OPTIONS"}, path


def walk(client, app, town, token):
    answered = 0
    for methods, path in paths(app, town):
        if "GET" in methods:
            response = client.get(path + QUERY)
            assert response.status_code < 500, f"GET {path}{QUERY}: {response.status_code}"
            answered += 1
        if "POST" in methods:
            for data in (dict(FORM, csrf_token=token),
                         {"csrf_token": token, "body": (io.BytesIO(b"\xff\xfe"), "x.bin"),
                          "title": (io.BytesIO(b"PK\x03\x04"), "a.zip")},
                         {"csrf_token": token}):
                response = client.post(path, data=data)
                assert response.status_code < 500, f"POST {path}: {response.status_code}"
                answered += 1
    return answered


def test_a_visitor_walking_every_route_with_hostile_values_meets_no_5xx(app, client, town):
    token = CSRF_RE.search(text(client.get("/accounts/login"))).group(1)
    for page in (f"budgets/{town['budget']}", f"polls/{town['poll']}"):  # the walk reaches them
        assert client.get(f"/processes/{town['votes']}/{page}").status_code == 200
    assert walk(client, app, town, token) > 300


def test_the_council_walking_every_route_with_hostile_values_meets_no_5xx(app, client, town):
    login(client, town["council"])
    token = CSRF_RE.search(text(client.get("/accounts/me"))).group(1)
    assert walk(client, app, town, token) > 300
