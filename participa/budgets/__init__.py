"""Participatory budgets: projects, ballots, and counting them (greedy and the Method of Equal
Shares), with every closed budget's ballots published as a Pabulib file anyone can recount.

So far: the counting (``counting``), Pabulib files (``pabulib``) and ``participa budgets
tally``; the budgets themselves, their ballots and pages follow (issue 11)."""
