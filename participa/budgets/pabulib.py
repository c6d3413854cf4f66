"""Pabulib files (pabulib.org): the open format of participatory-budgeting elections.

A file has three sections, each a header line and then ``;``-separated rows under a line of
column names: ``META`` (``key;value``: the budget, the vote type…), ``PROJECTS`` (``project_id``,
``cost``…) and ``VOTES`` (``voter_id``, ``vote``: the approved project ids, comma-separated…).
Participa reads approval elections (``vote_type;approval``) and writes every closed budget in
this format, so anyone can recount it (``participa budgets tally``)."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from participa.budgets.counting import Election

SECTIONS = ("META", "PROJECTS", "VOTES")


class PabulibError(ValueError):
    """A file Participa cannot read; the message names the line."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass
class PabulibFile:
    meta: dict = field(default_factory=dict)
    projects: list = field(default_factory=list)  # one dict per project, in the file's order
    votes: list = field(default_factory=list)  # one dict per voter, in the file's order

    def election(self) -> Election:
        """The election the file describes (approval ballots; integral euros)."""
        costs = {p["project_id"]: p["cost"] for p in self.projects}
        return Election(projects=tuple(costs), costs=costs, budget=self.meta["budget"],
                        ballots=tuple(frozenset(v["vote"]) for v in self.votes))


def _money(text: str, line: int, what: str) -> int:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise PabulibError(line, f"{what} is not a number: {text!r}") from None
    if value != value.to_integral_value() or value < 0:
        raise PabulibError(line, f"{what} must be a whole, non-negative amount: {text!r}")
    return int(value)


def parse(text: str) -> PabulibFile:
    """Read a Pabulib approval election; ``PabulibError`` names the first line at fault."""
    parsed = PabulibFile()
    section, columns, seen, meta_lines = None, None, [], {"": 1}
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if line.upper() in SECTIONS:
            section = line.upper()
            expected = SECTIONS[len(seen)] if len(seen) < len(SECTIONS) else None
            if section != expected:
                raise PabulibError(number, f"section {section} out of place (expected "
                                           f"{expected or 'the end of the file'})")
            seen.append(section)
            columns = None
            if section == "PROJECTS":
                _check_meta(parsed.meta, meta_lines)
            continue
        if section is None:
            raise PabulibError(number, "the file must start with META")
        cells = [cell.strip() for cell in line.split(";")]
        if columns is None:
            columns = [c.lower() for c in cells]
            required = {"META": ("key", "value"), "PROJECTS": ("project_id", "cost"),
                        "VOTES": ("voter_id", "vote")}[section]
            missing = [c for c in required if c not in columns]
            if missing:
                raise PabulibError(number, f"{section} needs the columns {', '.join(missing)}")
            continue
        if section == "META":
            key, _, value = line.partition(";")
            parsed.meta[key.strip().lower()] = value.strip()
            meta_lines[key.strip().lower()] = number
            continue
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells[:len(columns)], strict=True))
        if section == "PROJECTS":
            if not row["project_id"]:
                raise PabulibError(number, "a project without project_id")
            row["cost"] = _money(row["cost"], number, "cost")
            row["line"] = number
            parsed.projects.append(row)
        else:
            row["vote"] = [p.strip() for p in row["vote"].split(",") if p.strip()]
            row["line"] = number
            parsed.votes.append(row)
    if seen != list(SECTIONS):
        raise PabulibError(len(lines), "the file needs META, PROJECTS and VOTES, in that order")
    _check_rows(parsed)
    return parsed


def _check_meta(meta: dict, lines: dict) -> None:
    """``lines``: where each key was given (a missing one is blamed on the META line)."""
    vote_type = meta.get("vote_type", "").lower()
    if vote_type != "approval":
        raise PabulibError(lines.get("vote_type", 1), "only approval ballots can be counted "
                           f"here, not {vote_type or 'an unstated vote_type'!r}")
    if "budget" not in meta:
        raise PabulibError(1, "META has no budget")
    meta["budget"] = _money(meta["budget"], lines["budget"], "budget")


def _check_rows(parsed: PabulibFile) -> None:
    ids = set()
    for project in parsed.projects:
        if project["project_id"] in ids:
            raise PabulibError(project["line"], f"project {project['project_id']} listed twice")
        ids.add(project["project_id"])
    voters = set()
    for vote in parsed.votes:
        if vote["voter_id"] in voters:
            raise PabulibError(vote["line"], f"voter {vote['voter_id']} listed twice")
        voters.add(vote["voter_id"])
        unknown = [p for p in vote["vote"] if p not in ids]
        if unknown:
            raise PabulibError(vote["line"], f"a vote for an unknown project: {unknown[0]}")
        if len(set(vote["vote"])) != len(vote["vote"]):
            raise PabulibError(vote["line"], "a project approved twice in one vote")


def write(meta: dict, projects: list, votes: list) -> str:
    """A Pabulib file: ``meta`` in order; ``projects`` and ``votes`` as lists of dicts whose
    keys (the first row's, in order) are the columns; a vote's ``vote`` is a list of ids."""
    out = ["META", "key;value"]
    out += [f"{key};{_cell(value)}" for key, value in meta.items()]
    for name, rows, first in (("PROJECTS", projects, ("project_id", "cost")),
                              ("VOTES", votes, ("voter_id", "vote"))):
        out.append(name)
        columns = list(first) + [c for c in (rows[0] if rows else {}) if c not in first]
        out.append(";".join(columns))
        for row in rows:
            out.append(";".join(_cell(row.get(c, "")) for c in columns))
    return "\n".join(out) + "\n"


def _cell(value) -> str:
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    # a cell never holds the separator or a line break (names come from people)
    return " ".join(str(value).replace(";", ",").split())
