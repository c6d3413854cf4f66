"""Pabulib files: reading approval elections (errors name the line), writing them, and
``participa budgets tally`` recounting one."""

import json

import pytest
from click.testing import CliRunner

from participa.budgets.counting import equal_shares, greedy
from participa.budgets.pabulib import PabulibError, parse, write
from participa.cli import main

SAMPLE = """META
key;value
description;Pressupostos participatius del Barri Vell
country;Spain
unit;Riuclar
num_projects;4
num_votes;10
budget;1000
vote_type;approval
rule;equal-shares
PROJECTS
project_id;cost;name
A1;300;Ombra a la plaça
A2;300;Bancs nous
A3;300;Fonts
B;300;Casal de joves
VOTES
voter_id;vote
1;A1,A2,A3
2;A1,A2,A3
3;A1,A2,A3
4;A1,A2,A3
5;A1,A2,A3
6;A1,A2,A3
7;B
8;B
9;B
10;B
"""


def test_a_sample_file_and_its_known_outcomes():
    election = parse(SAMPLE).election()
    assert election.budget == 1000 and election.projects == ("A1", "A2", "A3", "B")
    assert len(election.ballots) == 10
    assert greedy(election).selected == ("A1", "A2", "A3")
    assert equal_shares(election).selected == ("A1", "A2", "B")


@pytest.mark.parametrize("text, line, says", [
    ("PROJECTS\nproject_id;cost\n", 1, "out of place"),
    (SAMPLE.replace("vote_type;approval", "vote_type;ordinal"), 9, "only approval"),
    (SAMPLE.replace("vote_type;approval\n", ""), 1, "only approval"),
    (SAMPLE.replace("budget;1000\n", ""), 1, "no budget"),
    (SAMPLE.replace("budget;1000", "budget;mil"), 8, "not a number"),
    (SAMPLE.replace("A2;300;Bancs", "A2;-3;Bancs"), 14, "whole, non-negative"),
    (SAMPLE.replace("A2;300;Bancs", "A2;300.5;Bancs"), 14, "whole, non-negative"),
    (SAMPLE.replace("A3;300;Fonts", "A1;300;Fonts"), 15, "listed twice"),
    (SAMPLE.replace("8;B\n", "8;C\n"), 26, "unknown project: C"),
    (SAMPLE.replace("8;B\n", "7;B\n"), 26, "voter 7 listed twice"),
    (SAMPLE.replace("8;B\n", "8;B,B\n"), 26, "approved twice"),
    (SAMPLE.replace("VOTES\nvoter_id;vote", "VOTES\nvoter;vote"), 18, "voter_id"),
    (SAMPLE.split("VOTES")[0], 16, "META, PROJECTS and VOTES"),
])
def test_a_file_that_cannot_be_read_names_its_line(text, line, says):
    with pytest.raises(PabulibError) as caught:
        parse(text)
    assert caught.value.line == line and says in str(caught.value)


def test_writing_and_reading_back_gives_the_same_election():
    election = parse(SAMPLE).election()
    text = write(
        {"description": "Pressupostos; amb un punt i coma\ni un salt", "budget": 1000,
         "vote_type": "approval"},
        [{"project_id": p, "cost": election.costs[p], "name": f"Projecte {p}"}
         for p in election.projects],
        [{"voter_id": f"v{i}", "vote": sorted(b), "receipt": f"R{i}"}
         for i, b in enumerate(election.ballots)],
    )
    again = parse(text)
    assert again.election() == election
    assert again.votes[0]["receipt"] == "R0"
    assert again.meta["description"] == "Pressupostos, amb un punt i coma i un salt"


def test_tally_recounts_a_file(tmp_path):
    path = tmp_path / "barri-vell.pb"
    path.write_text(SAMPLE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["budgets", "tally", str(path), "--rule", "equal-shares",
                                  "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"selected": ["A1", "A2", "B"], "cost": 900}
    result = runner.invoke(main, ["budgets", "tally", str(path), "--rule", "greedy"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["A1", "A2", "A3", "cost: 900 of 1000"]

    path.write_text(SAMPLE.replace("8;B\n", "8;Z\n"), encoding="utf-8")
    result = runner.invoke(main, ["budgets", "tally", str(path), "--rule", "greedy"])
    assert result.exit_code == 1 and "line 26" in result.output and "Z" in result.output
