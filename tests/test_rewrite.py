"""The rewriter, as before/after pairs of `ast.unparse` text."""

from __future__ import annotations

import ast

import pytest

import paddedcell as pc
from paddedcell.compiler import compile_full

PAIRS = [
    ("x = a.b.c(d)[e] + 1", "x = a.b.c(d)[e] + 1"),
    ("self._x", ".read(self, '_x')._x"),
    ("self._x = 1", ".write(self, '_x')._x = 1"),
    ("o.x = 1", ".write(o, 'x').x = 1"),
    ("del o.x", "del .write(o, 'x').x"),
    ("o.n += 1", ".write(o, 'n').n += 1"),
    ("a = (b, c.d) = f()", "a = b, .write(c, 'd').d = f()"),
    ("for o.i in r: pass", "for .write(o, 'i').i in r:\n    pass"),
    ("s.format(1)", ".getattr(s, 'format')(1)"),
    ("s.format_map(m)", ".getattr(s, 'format_map')(m)"),
    ("x.__class__", ".getattr(x, '__class__')"),
    ("super().__init__()", ".read(super(), '__init__').__init__()"),
    ("e.obj", ".read(e, 'obj').obj"),
    ("a._p._q", ".read(.read(a, '_p')._p, '_q')._q"),
    ("a.format._q", ".read(.getattr(a, 'format'), '_q')._q"),
    ("import a.b", "a = .import('a.b', False)"),
    ("import a.b as c", "c = .import('a.b', True)"),
    ("import a, b", "if True:\n    a = .import('a', False)\n    b = .import('b', False)"),
    ("from m import x, y as z", "x, z = .import_from('m', ('x', 'y'))"),
    ("from m import *", ".import_star('m')"),
    ("from __future__ import annotations", "from __future__ import annotations"),
    ("x.__name__\nx.__repr__()", "x.__name__\nx.__repr__()"),
]


@pytest.mark.parametrize(("before", "after"), PAIRS, ids=[p[0] for p in PAIRS])
def test_rewrite_pairs(before: str, after: str) -> None:
    compiled = compile_full(before, "<t>", "exec", pc.Policy.preset("default"))
    assert ast.unparse(compiled.tree) == after


def test_single_mode_displays_instead_of_displayhook() -> None:
    compiled = compile_full("1 + 1", "<t>", "single", pc.Policy.preset("default"))
    assert ast.unparse(compiled.tree) == ".display(1 + 1)"


def test_guard_names_cannot_be_spelled() -> None:
    for name in (".read", ".write", ".getattr", ".import"):
        assert not name.isidentifier()
    with pytest.raises(pc.RestrictedSyntaxError):
        pc.compile_restricted("x = .read")


def test_rewritten_nodes_keep_positions() -> None:
    compiled = compile_full("x = 1\nif x:\n    y = s.format(x)\n", "<t>", "exec",
                            pc.Policy.preset("default"))
    call = compiled.tree.body[1].body[0].value  # type: ignore[attr-defined]
    assert (call.lineno, call.col_offset) == (3, 8)
    assert call.func.lineno == 3
