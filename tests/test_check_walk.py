"""The checker's walk: the fields it skips never hold nodes, and nothing it reviews is missed."""

from __future__ import annotations

import ast
from pathlib import Path

from paddedcell.compiler.check import SCALAR_FIELDS

TESTS = Path(__file__).parent


def _sources() -> list[str]:
    found = []
    for folder in ("benign", "escapes"):
        for path in sorted((TESTS / folder).glob("*.py")):
            text = path.read_text(encoding="utf-8")
            try:
                ast.parse(text)
            except (SyntaxError, MemoryError, RecursionError):
                continue  # parser-limit payloads
            found.append(text)
    found.append("match x:\n    case {'a': 1, **rest}: pass\n    case [*xs] | C(k=1): pass\n"
                 "    case None: pass\nglobal g\nimport a.b as c\nfrom m import n as o\n"
                 "def f(a: int, *b, c=1, **d) -> 'x': pass\nf'{x!r:>{w}}'\ntry:\n    pass\n"
                 "except E as e:\n    pass\nx: int = 1\nfor i in r: pass\nwith a as b: pass\n")
    return found


def test_scalar_fields_never_hold_nodes() -> None:
    sources = _sources()
    assert len(sources) > 100
    for text in sources:
        for node in ast.walk(ast.parse(text)):
            name = type(node).__name__
            for field in node._fields:
                if (name, field) in SCALAR_FIELDS:
                    value = getattr(node, field, None)
                    items = value if isinstance(value, list) else [value]
                    assert not any(isinstance(v, ast.AST) for v in items), (name, field)


def test_scalar_fields_name_real_fields() -> None:
    for name, field in SCALAR_FIELDS:
        cls = getattr(ast, name, None)
        if cls is not None:  # AsyncFunctionDef & co. exist; all names are real node types
            assert field in cls._fields, (name, field)
