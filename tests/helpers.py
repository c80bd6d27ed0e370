"""Shared test helpers: violation tables and running code in a cell and in plain CPython."""

from __future__ import annotations

import builtins
import contextlib
import io
import re
from typing import Any

import paddedcell as pc

Expected = list[tuple[str, int, int]]


def assert_violations(source: str, expected: Expected, policy: pc.Policy | None = None) -> None:
    """Compare (rule, line, col) triples; on failure print every actual violation."""
    actual = pc.check(source, policy=policy)
    got = [(v.rule, v.lineno, v.col_offset) for v in actual]
    if sorted(got) != sorted(expected):
        detail = "\n".join(f"  {v.rule} {v.lineno}:{v.col_offset} {v.message}" for v in actual)
        raise AssertionError(f"source:\n{source}\nexpected {expected}\nactual:\n{detail or '  none'}")


def run_plain(source: str) -> str:
    """Run `source` with the real builtins, capturing stdout."""
    buf = io.StringIO()
    ns: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
    with contextlib.redirect_stdout(buf):
        exec(compile(source, "<plain>", "exec"), ns)
    return buf.getvalue()


def run_cell(source: str, policy: pc.Policy | None = None) -> str:
    cell = pc.Cell(policy)
    cell.exec(source, "<cell>")
    return cell.output


def corpus_header(text: str, key: str) -> str | None:
    """The value of a `# key: value` header line of a corpus file, or None."""
    match = re.search(rf"^# {key}:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None
