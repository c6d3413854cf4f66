"""Drive a running Participa with wrk and print requests/s and p50/p99 latency per page, each
as a ratio to /healthz measured on the same server in the same run.

usage: bench.py BASE_URL [--duration S] [--connections N]"""

import argparse
import http.client
import os
import random
import re
import subprocess
import sys
import tempfile
import urllib.parse

UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}
DASHBOARD = "/plans/bench-plan-0/dashboard"  # bench_seed.py's plans of 200 indicators
SITE_SEARCH = "/search?q=iluminacio"  # bench_seed.py's SEARCH_WORD ("il·luminació"), as typed


def steady(url, duration, connections, cookie=None):
    """``wrk`` on a page in its steady state: two seconds of the same load first, unmeasured,
    so every worker has read the page once (its statements prepared, its kept renderings made,
    PostgreSQL's pages in memory) and the figures are not one cold start's."""
    wrk(url, 2, connections, cookie=cookie)
    return wrk(url, duration, connections, cookie=cookie)


def wrk(url, duration, connections, script=None, cookie=None):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", script]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {}
    for pct in ("50", "99"):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()
        lat[pct] = float(value) * UNIT[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: .*", out)
    return {"rps": rps, "p50": lat["50"], "p99": lat["99"],
            "bad": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": errors.group(0) if errors else ""}


def login(base, email, password):
    """Sign in like a browser; return (cookie header, csrf token)."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/accounts/login")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    conn.request("POST", "/accounts/login", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    assert response.status == 302, f"bench login failed: {response.status}"
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    conn.request("GET", "/accounts/me", headers={"Cookie": cookie})
    response = conn.getresponse()
    page = response.read().decode()
    if response.getheader("Set-Cookie"):  # the session now holds a fresh CSRF token
        cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', page).group(1)
    return cookie, token


def support_script(sessions, first_id, count):
    """Supports by several people at once (as on a busy evening), each request by one of them
    at random: one person's supports are serialized by design (a row lock keeps their limit)."""
    people = ",\n".join(
        f'{{"{cookie}", "csrf_token={urllib.parse.quote(token)}"}}' for cookie, token in sessions)
    lua = f"""
wrk.method = "POST"
local people = {{ {people} }}
math.randomseed(42)
request = function()
  local person = people[math.random(1, #people)]
  local id = {first_id} + math.random(0, {count - 1})
  return wrk.format(nil, "/processes/bench/proposals/" .. id .. "/support",
                    {{["Cookie"] = person[1],
                     ["Content-Type"] = "application/x-www-form-urlencoded"}}, person[2])
end
"""
    handle, path = tempfile.mkstemp(suffix=".lua")
    with os.fdopen(handle, "w") as f:
        f.write(lua)
    return path


def ballot_script(sessions, budget_path, project_ids, seed=7):
    """Ballots cast by several people at once, each request by one of them at random: the first
    is cast, the next ones replace it (a voter changing their mind), as the page's form sends
    them. Every ballot keeps the rules: 8 of the 20 projects never reach the budget."""
    rng = random.Random(seed)
    ballots = ["&".join(f"project={p}" for p in sorted(rng.sample(project_ids, 8)))
               for _ in range(32)]
    people = ",\n".join(
        f'{{"{cookie}", "csrf_token={urllib.parse.quote(token)}&action=cast"}}'
        for cookie, token in sessions)
    choices = ",\n".join(f'"{b}"' for b in ballots)
    lua = f"""
wrk.method = "POST"
local people = {{ {people} }}
local ballots = {{ {choices} }}
math.randomseed(7)
request = function()
  local person = people[math.random(1, #people)]
  local ballot = ballots[math.random(1, #ballots)]
  return wrk.format(nil, "{budget_path}/ballot",
                    {{["Cookie"] = person[1],
                     ["Content-Type"] = "application/x-www-form-urlencoded"}},
                    person[2] .. "&" .. ballot)
end
"""
    handle, path = tempfile.mkstemp(suffix=".lua")
    with os.fdopen(handle, "w") as f:
        f.write(lua)
    return path


def voting_budget(base):
    """The path of bench-vote's budget and its projects' ids, read from its page."""
    _, page = get(base, "/processes/bench-vote/budgets/")
    budget_id = re.search(r"/processes/bench-vote/budgets/(\d+)\"", page).group(1)
    path = f"/processes/bench-vote/budgets/{budget_id}"
    _, page = get(base, path)
    return path, [int(x) for x in re.findall(r'id="project-(\d+)"', page)]


def first_proposal_id(base):
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/processes/bench/proposals/?sort=recent")
    page = conn.getresponse().read().decode()
    newest = max(int(x) for x in re.findall(r"/processes/bench/proposals/(\d+)\"", page))
    return newest - 9999


def get(base, path, cookie=None):
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    return response.status, response.read().decode()


def long_thread_id(base, marker="Conversa llarga", comments=500):
    """The one proposal bench_seed.py titled with its marker (a search finds only it); checks
    its page really shows the whole thread."""
    _, page = get(base, "/processes/bench/proposals/?q=" + urllib.parse.quote_plus(marker))
    ids = set(re.findall(r"/processes/bench/proposals/(\d+)\"", page))
    assert len(ids) == 1, f"expected one proposal titled {marker!r}, found {sorted(ids)}"
    proposal_id = int(ids.pop())
    status, page = get(base, f"/processes/bench/proposals/{proposal_id}")
    shown = len(re.findall(r'<li id="comment-\d+"', page))
    assert status == 200 and shown == comments, f"long thread: {status}, {shown} comments"
    return proposal_id


def site_search_finds(base):
    """The site search finds bench_seed.py's word among proposals and comments alike."""
    status, page = get(base, SITE_SEARCH)
    assert status == 200, f"{SITE_SEARCH}: {status}"
    assert re.search(r"/processes/bench-100k/proposals/\d+\"", page), "site search: no proposal"
    status, page = get(base, SITE_SEARCH + "&kind=comments")
    assert status == 200 and "#comment-" in page, "site search: no comment"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    base = args.base.rstrip("/")
    d, c = args.duration, args.connections

    first = first_proposal_id(base)
    long_thread = long_thread_id(base)
    site_search_finds(base)
    cookie, _token = login(base, "bench0@example.org", "benchmark-password-2026")
    supporters = [login(base, f"bench{n}@example.org", "benchmark-password-2026")
                  for n in range(1, 17)]
    pages = [
        ("/healthz", "/healthz", None),
        ("index, default sort", "/processes/bench/proposals/", None),
        ("index, search", "/processes/bench/proposals/?q=arbres+casal", None),
        ("index, filter", "/processes/bench/proposals/?state=published&sort=supports", None),
        ("proposal page", f"/processes/bench/proposals/{first + 4321}", None),
        ("index, signed in", "/processes/bench/proposals/", cookie),
        ("search, signed in", "/processes/bench/proposals/?q=arbres+casal", cookie),
        ("filter, signed in", "/processes/bench/proposals/?state=published&sort=supports",
         cookie),
        ("proposal, signed in", f"/processes/bench/proposals/{first + 4321}", cookie),
        ("500 comments", f"/processes/bench/proposals/{long_thread}", None),
        ("500 comments, signed in", f"/processes/bench/proposals/{long_thread}", cookie),
        # the site search over bench-100k's 100,000 proposals and 200,000 comments (and all
        # else), for a word people type without its accent and middle dot (bench_seed.py)
        ("site search", SITE_SEARCH, None),
        ("site search, signed in", SITE_SEARCH, cookie),
    ]
    results = []
    for name, path, with_cookie in pages:
        results.append((name, steady(base + path, d, c, cookie=with_cookie)))
    script = support_script(supporters, first, 10_000)
    results.append(("support POST", wrk(base + "/processes/bench/proposals/", d, c, script)))
    os.remove(script)
    budget_path, project_ids = voting_budget(base)
    script = ballot_script(supporters, budget_path, project_ids)
    results.append(("ballot POST", wrk(base + budget_path, d, c, script)))
    os.remove(script)

    # the dashboards (bench_seed.py's twenty plans of 50 goals, 200 indicators × 100
    # measurements and 2,000 results): each worker renders a dashboard's body once a minute,
    # so a short warm-up first, then visitors and signed in, within that minute
    dashboards = [
        ("plan dashboard", DASHBOARD, None),
        ("plan of plans", "/results/", None),
        ("dashboard, signed in", DASHBOARD, cookie),
        ("plan of plans, signed in", "/results/", cookie),
    ]
    for path in (DASHBOARD, "/results/"):
        status, _page = get(base, path)
        assert status == 200, f"{path}: {status}"
    for name, path, with_cookie in dashboards:
        results.append((name, steady(base + path, d, c, cookie=with_cookie)))

    health = results[0][1]
    print(f"\nParticipa benchmark — wrk -t2 -c{c} -d{d}s against {base}")
    print(f"{'page':<24}{'req/s':>10}{'ratio':>9}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx/3xx':>13}")
    for name, r in results:
        print(f"{name:<24}{r['rps']:>10.0f}{r['rps'] / health['rps']:>8.1%}"
              f"{r['p50']:>10.2f}{r['p99']:>10.2f}{r['bad']:>13}")
        if r["socket_errors"]:
            print(f"  {r['socket_errors']}")

    # growth is measured signed in: no page cache, every request reaches the database
    small = wrk(base + "/processes/bench-1k/proposals/?sort=supports", d, c, cookie=cookie)
    large = wrk(base + "/processes/bench-100k/proposals/?sort=supports", d, c, cookie=cookie)
    growth = large["p50"] / small["p50"]
    print(f"\nindex p50 (signed in, most supported) at 1,000 proposals: {small['p50']:.2f} ms;"
          f" at 100,000: {large['p50']:.2f} ms; growth ×{growth:.2f}")

    by_name = dict(results)
    index, signed = by_name["index, default sort"], by_name["index, signed in"]
    proposal_signed = by_name["proposal, signed in"]
    thread_visitors = by_name["500 comments"]
    thread_signed = by_name["500 comments, signed in"]
    support = by_name["support POST"]
    ballot = by_name["ballot POST"]

    def ratio(r):
        return r["rps"] / health["rps"]

    signed_in = [by_name[name] for name in ("index, signed in", "search, signed in",
                                            "filter, signed in", "proposal, signed in")]
    checks = [
        ("index (visitors) serves ≥ 20% of /healthz req/s", ratio(index) >= 0.2),
        ("index (visitors) p99 < 50 ms at 16 connections", index["p99"] < 50),
        ("index (signed in) serves ≥ 10% of /healthz req/s", ratio(signed) >= 0.1),
        ("proposal page (signed in) serves ≥ 10% of /healthz req/s",
         ratio(proposal_signed) >= 0.1),
        ("proposal with 500 comments (visitors) serves ≥ 5% of /healthz req/s",
         ratio(thread_visitors) >= 0.05),
        ("proposal with 500 comments (signed in) serves ≥ 5% of /healthz req/s",
         ratio(thread_signed) >= 0.05),
        ("support POST serves ≥ 10% of /healthz req/s", ratio(support) >= 0.1),
        ("casting a ballot (10,000 voters): p99 < 100 ms at 16 connections",
         ballot["p99"] < 100),
        ("signed-in pages p99 < 100 ms at 16 connections",
         all(r["p99"] < 100 for r in signed_in)),
        ("100k-proposal index ≤ 1.5× the 1k one (p50)", growth <= 1.5),
        ("site search (visitors) serves ≥ 10% of /healthz req/s",
         ratio(by_name["site search"]) >= 0.1),
        ("site search (visitors) p99 < 100 ms at 16 connections",
         by_name["site search"]["p99"] < 100),
        ("site search (signed in) p99 < 100 ms at 16 connections",
         by_name["site search, signed in"]["p99"] < 100),
        ("every request answered 2xx or 3xx", all(r["bad"] == 0 for _, r in results)),
    ]
    for name in ("plan dashboard", "plan of plans"):
        checks.append((f"{name} (visitors) serves ≥ 20% of /healthz req/s",
                       ratio(by_name[name]) >= 0.2))
    for name in ("dashboard, signed in", "plan of plans, signed in"):
        checks.append((f"{name.split(',')[0]} (signed in) p99 < 100 ms at 16 connections",
                       by_name[name]["p99"] < 100))
    print()
    for label, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
