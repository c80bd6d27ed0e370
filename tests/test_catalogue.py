"""The rule list itself: unique ids and names, every rule documented and reachable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import paddedcell as pc
from paddedcell import errors
from paddedcell.compiler.check import iter_rule_ids
from paddedcell.rules import RULES, RULES_BY_ID, render_markdown, rule

ROOT = Path(__file__).resolve().parents[1]


def test_ids_and_names_are_unique_and_well_formed() -> None:
    ids = [r.id for r in RULES]
    names = [r.name for r in RULES]
    assert len(ids) == len(set(ids))
    assert len(names) == len(set(names))
    for r in RULES:
        assert re.fullmatch(r"PC\d{3}", r.id), r.id
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name), r.name
        assert r.stage in {"parse", "check", "runtime"}


def test_every_rule_is_documented() -> None:
    for r in RULES:
        for section in (r.what, r.why, r.example, r.instead, r.message):
            assert section.strip(), f"{r.id} has an empty section"
        text = r.explain()
        for heading in ("## What it does", "## Why it matters", "## Example", "## Use instead",
                        "## References"):
            assert heading in text


def test_docs_rules_md_is_generated_from_the_list() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == render_markdown()


def test_checker_and_errors_name_registered_rules() -> None:
    for rid in iter_rule_ids():
        assert rid in RULES_BY_ID
    for cls in (errors.SecurityError, errors.AttributeDenied, errors.ImportDenied,
                errors.OperationDenied, errors.AccessDenied):
        assert cls.rule in RULES_BY_ID, cls


def test_unknown_rule_fails_loudly() -> None:
    import pytest

    with pytest.raises(KeyError):
        rule("PC999")


def test_explain_command_prints_the_explanation() -> None:
    out = subprocess.run([sys.executable, "-m", "paddedcell", "explain", "PC106"],
                         capture_output=True, text=True, check=True).stdout
    assert "CVE-2025-22153" in out and "## Why it matters" in out
    out = subprocess.run([sys.executable, "-m", "paddedcell", "explain", "dunder-attribute"],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("PC101 dunder-attribute")


def test_security_errors_are_natural_exceptions() -> None:
    assert issubclass(pc.AttributeDenied, AttributeError)
    assert issubclass(pc.ImportDenied, ImportError)
    assert issubclass(pc.AccessDenied, PermissionError)
    assert issubclass(pc.OperationDenied, TypeError)
    assert issubclass(pc.LimitExceeded, BaseException)
    assert not issubclass(pc.LimitExceeded, Exception)
    assert issubclass(pc.RestrictedSyntaxError, SyntaxError)
