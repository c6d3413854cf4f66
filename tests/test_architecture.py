"""The architecture holds: the import contract (import-linter, ``[tool.importlinter]`` in
pyproject.toml, DESIGN's layers) and the rules it cannot see."""

import ast
import re
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

from participa import FEATURES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "participa"
KINDS_OF_CONTENT = {"proposals", "debates", "meetings", "people"}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def imported(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def package_of(path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def test_the_import_contract_holds():
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_module_imports_another_packages_views():
    wrong = []
    for path, tree in modules():
        own = package_of(path)
        for module, names in imported(tree):
            parts = module.split(".")
            targets = [parts] + [parts + [name] for name in names]
            for target in targets:
                if (len(target) == 3 and target[0] == "participa"
                        and target[2] in ("views", "admin") and target[1] != own and own):
                    wrong.append(f"{path.relative_to(ROOT)} imports {'.'.join(target)}")
    assert wrong == []


@pytest.mark.parametrize("name", FEATURES)
def test_every_feature_registers_itself(name):
    tree = ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))
    assert "init_app" in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_operations_take_the_actor_the_clock_and_settings_as_arguments():
    """Operations never read the request, the session, g, the signed-in user, the app's config
    or templates, nor send mail (the contract forbids the imports; this catches the names)."""
    forbidden = {"request", "session", "g", "current_user", "current_app", "flash",
                 "render_template", "send_mail", "mail_person"}
    wrong = []
    for path in sorted(PACKAGE.glob("*/operations.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in forbidden:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.id}")
    assert wrong == []


@pytest.mark.parametrize("package", ["comments", "moderation"])
def test_comments_and_moderation_never_name_a_kind_of_content(package):
    """They ask the kind (``participa.core.content``): a new commentable or reportable kind is
    one registration, not an edit here."""
    wrong = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in KINDS_OF_CONTENT:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
        for module, _names in imported(tree):
            if module.split(".")[1:2] and module.split(".")[1] in ("proposals", "debates",
                                                                   "meetings"):
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_every_scrolling_table_can_be_reached_by_keyboard():
    """A table wider than a phone scrolls inside its ``.table-scroll`` box; the box takes the
    focus and has a name, so keyboard users can scroll it (axe-core's
    scrollable-region-focusable, found on the plan dashboard)."""
    wrong = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for tag in re.findall(r"<div class=\"table-scroll\"[^>]*>", path.read_text("utf-8")):
            if 'tabindex="0"' not in tag or 'role="region"' not in tag or "aria-label" not in tag:
                wrong.append(f"{path.relative_to(ROOT)}: {tag}")
    assert wrong == []
