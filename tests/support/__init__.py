"""What the tests share, written once: plain modules of builders, checks and helpers.

Test modules import from here (never from another test module or a ``conftest.py``); the
``conftest.py`` files hold fixtures only, built from these modules."""
