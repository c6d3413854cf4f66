"""make bench, the count: ``participa budgets tally`` (equal shares with Add1) against
pabutools 1.2.3's plain ``method_of_equal_shares`` (no completion) on the same Pabulib file of
200 projects and 20,000 voters, timed side by side (issue 11). Both count exactly; the plain
outcomes must agree. pabutools is a dev dependency: an oracle, never an official result."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time

from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import method_of_equal_shares

from participa.budgets.pabulib import write

PROJECTS, VOTERS, BUDGET = 200, 20_000, 1_000_000


def election_file(path, seed=11):
    """A town-sized election: a few popular projects, many small ones, 1–8 choices each."""
    rng = random.Random(seed)
    ids = [str(i) for i in range(1, PROJECTS + 1)]
    costs = dict(zip(ids, rng.sample(range(5_000, 400_000), PROJECTS), strict=True))
    popularity = [rng.random() ** 3 for _ in ids]
    votes = [{"voter_id": str(v), "vote": sorted(set(rng.choices(ids, popularity,
                                                                   k=rng.randint(1, 8))), key=int)}
             for v in range(1, VOTERS + 1)]
    meta = {"description": "make bench", "num_projects": PROJECTS, "num_votes": VOTERS,
            "budget": BUDGET, "vote_type": "approval", "rule": "equal-shares"}
    with open(path, "w", encoding="utf-8") as f:
        f.write(write(meta, [{"project_id": p, "cost": costs[p]} for p in ids], votes))


def ours(path, completion):
    participa = os.path.join(os.path.dirname(sys.executable), "participa")
    start = time.perf_counter()
    out = subprocess.run([participa, "budgets", "tally", path, "--rule", "equal-shares",
                          "--completion", completion, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - start, json.loads(out)


def pabutools_plain(path):
    start = time.perf_counter()
    instance, profile = parse_pabulib(path)
    outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    return time.perf_counter() - start, sorted(p.name for p in outcome)


def main():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "town.pb")
        election_file(path)
        add1_time, add1 = ours(path, "add1")
        plain_time, plain = ours(path, "none")
        theirs_time, theirs = pabutools_plain(path)
    print(f"\nCounting {PROJECTS} projects x {VOTERS:,} voters (budget {BUDGET:,}), "
          "wall time including reading the file:")
    print(f"  participa budgets tally, equal shares + Add1   {add1_time:6.2f} s "
          f"({len(add1['selected'])} projects, {add1['cost']:,})")
    print(f"  participa budgets tally, equal shares, plain   {plain_time:6.2f} s")
    print(f"  pabutools 1.2.3 method_of_equal_shares, plain  {theirs_time:6.2f} s")
    same = sorted(plain["selected"]) == theirs
    print(f"{'PASS' if same else 'MISS'}  plain equal shares: the same projects as pabutools")
    print(f"{'PASS' if add1_time < theirs_time else 'MISS'}  equal shares + Add1 faster than "
          "pabutools' plain equal shares")
    return 0


if __name__ == "__main__":
    sys.exit(main())
