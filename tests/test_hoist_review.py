"""Adversarial review of compiler/hoist.py: properties that held (regression tests)."""

from __future__ import annotations

import ast

import pytest

import paddedcell as pc
import paddedcell.compiler.pipeline as pipeline_module
from paddedcell.compiler import compile_full

POLICY = pc.Policy.preset("default")


def _outcome(source: str, hoist: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        if not hoist:  # a plan without loops: nothing hoisted, no site takes function shapes
            empty = pipeline_module.Plan(ast.Module(body=[], type_ignores=[]))
            m.setattr(pipeline_module, "Plan", lambda tree: empty)
        try:
            compile_full(source, "<t>", "exec", POLICY)
        except pc.RestrictedSyntaxError:
            return "rejected"
        return "accepted"


@pytest.mark.parametrize("statement", [
    "return", "yield", "x = yield", "yield from r", "await x", "nonlocal x", "global x",
    "from m import *", "x: int", "x = [(yield) for y in r]", "x = [await y for y in r]",
    "x = [a for a in [(b := 1) for c in r]]", "x = [[y := 1 for z in r] for y in r]",
    "x = f'{(yield)}'", "x += (yield)", "print(super())",
])
@pytest.mark.parametrize("loop", ["for i in r:\n    {}\n", "while x:\n    {}\n",
                                  "for i in r:\n    pass\nelse:\n    {}\n"])
def test_hoisting_never_changes_what_is_accepted(statement: str, loop: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = loop.format(statement)
    assert _outcome(source, True, monkeypatch) == _outcome(source, False, monkeypatch)


def test_a_source_modules_hoisted_function_is_out_of_the_cells_reach(tmp_path) -> None:
    (tmp_path / "m.py").write_text("count = 0\nfor i in range(3):\n    count += 1\n")
    cell = pc.Cell(POLICY.with_sources(str(tmp_path)))
    cell.exec("import m\nnames = sorted(vars(m))\nlisted = dir(m)\nfrom m import *\n")
    assert "<module>" not in cell.namespace["names"]
    assert "<module>" not in cell.namespace["listed"]
    assert cell.namespace["count"] == 3
    with pytest.raises(pc.AttributeDenied):
        cell.exec("getattr(m, '<module>')")

