"""Top-level loops run hoisted into a function (compiler/hoist.py): same results, faster names."""

from __future__ import annotations

import ast

import pytest

import paddedcell as pc
from paddedcell.compiler import compile_full

UNLIMITED = pc.Policy.preset("default").with_limits(
    time=None, steps=None, memory=None, output=None, recursion=None)
POLICIES = [pytest.param(pc.Policy.preset("default"), id="metered"),
            pytest.param(UNLIMITED, id="unlimited")]


def hoisted(source: str) -> bool:
    tree = compile_full(source, "<t>", "exec", UNLIMITED).tree
    assert isinstance(tree, ast.Module)
    return any(isinstance(s, ast.FunctionDef) and s.name == "<module>" for s in tree.body)


def plain_namespace(source: str) -> dict[str, object]:
    ns: dict[str, object] = {}
    exec(compile(source, "<plain>", "exec"), ns)
    return {k: v for k, v in ns.items() if k.isidentifier() and not k.startswith("__")
            and not callable(v)}


def cell_namespace(source: str, policy: pc.Policy) -> dict[str, object]:
    cell = pc.Cell(policy)
    cell.exec(source)
    return {k: v for k, v in cell.namespace.items()
            if type(k) is str and k.isidentifier() and not k.startswith("__")
            and not callable(v)}


SAME_AS_PLAIN = [
    "total = 0\nfor i in range(5):\n    total += i * i\n",
    "for i in range(3):\n    x = i\nelse:\n    done = True\n",
    "n = 10\nwhile n > 3:\n    n -= 2\nelse:\n    ended = n\n",
    "for i in range(10):\n    if i == 4:\n        break\nelse:\n    never = 1\n",
    "hits = []\nfor i in range(4):\n    if i % 2:\n        continue\n    hits.append(i)\n",
    "for a, (b, *c) in [(1, (2, 3, 4))]:\n    pass\n",
    "for i in range(3):\n    squares = [(last := j * j) for j in range(i + 1)]\n",
    "for i in range(3):\n    try:\n        raise KeyError(i)\n    except KeyError as e:\n"
    "        caught = i\n",
    "class CM:\n    def __enter__(self):\n        return 7\n    def __exit__(self, *exc):\n"
    "        return False\nfor i in range(2):\n    with CM() as held:\n        pass\n",
    "for i in range(2):\n    v = i\n    del v\n",
    "for p in [(1, 2), (3, 4)]:\n    match p:\n        case (1, y):\n            first = y\n"
    "        case (x, *rest):\n            other = (x, rest)\n",
    "for d in [{'k': 1, 'z': 2}]:\n    match d:\n        case {'k': kk, **more}:\n"
    "            found = (kk, more)\n",
    "i = 0\nwhile i < 5:\n    i += 1\n    out = i\n",
]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("source", SAME_AS_PLAIN)
def test_hoisted_loops_bind_the_same_globals_as_plain_python(source: str, policy: pc.Policy) -> None:
    assert hoisted(source)
    assert cell_namespace(source, policy) == plain_namespace(source)


@pytest.mark.parametrize("policy", POLICIES)
def test_code_called_from_a_hoisted_loop_sees_the_loop_variable_as_a_global(
        policy: pc.Policy) -> None:
    source = ("seen = []\ndef peek():\n    return i\ndef bump():\n    global i\n    i = 100\n"
              "for i in range(3):\n    seen.append(peek())\n"
              "count = 0\nwhile count < 3:\n    count += 1\n    bump()\n    seen.append(i)\n")
    assert hoisted(source)
    cell = pc.Cell(policy)
    cell.exec(source)
    assert cell.namespace["seen"] == [0, 1, 2, 100, 100, 100]


@pytest.mark.parametrize("source", [
    "for i in range(2):\n    def f():\n        return i\n",
    "for i in range(2):\n    class C:\n        pass\n",
    "for i in range(2):\n    f = lambda: i\n",
    "for i in range(2):\n    g = (j for j in range(i))\n",
    "for i in range(2):\n    x: int = i\n",
    "for i in range(2):\n    global x\n    x = i\n",
    "for i in range(2):\n    import math\n",
    "for i in range(2):\n    from math import pi\n",
    "for i in range(2):\n    names = dir()\n",
    "for i in range(2):\n    v = vars()\n",
])
def test_loops_that_would_change_meaning_in_a_function_stay_at_module_level(source: str) -> None:
    assert not hoisted(source)


@pytest.mark.parametrize("source", [
    "for i in range(2):\n    return i\n",
    "for i in range(2):\n    yield i\n",
    "while True:\n    x = yield\n",
    "for i in range(2):\n    nonlocal i\n",
])
def test_errors_of_module_level_code_stay_errors(source: str) -> None:
    # Inside a function these would compile (and `yield` would make the loop a generator
    # that never runs): the loop must not be hoisted, so they stay rejected.
    with pytest.raises((pc.RestrictedSyntaxError, SyntaxError)):
        pc.Cell().exec(source)


def test_a_class_made_in_a_loop_keeps_its_qualname() -> None:
    cell = pc.Cell()
    cell.exec("for i in range(2):\n    class Shape:\n        pass\nname = Shape.__qualname__\n")
    assert cell.namespace["name"] == "Shape"


def test_an_error_in_a_hoisted_loop_reports_the_loop_line() -> None:
    source = "x = 0\nfor i in range(3):\n    x = 1 / (1 - i)\n"
    assert hoisted(source)
    with pytest.raises(ZeroDivisionError) as info:
        pc.Cell().exec(source)
    assert info.traceback[-1].lineno + 1 == 3  # pytest's line numbers start at 0


def test_the_cell_cannot_spell_or_call_the_hoisted_function() -> None:
    cell = pc.Cell()
    cell.exec("for i in range(2):\n    pass\n")
    assert "<module>" in cell.namespace  # unspellable: no source can name it
    with pytest.raises(pc.RestrictedSyntaxError):
        cell.exec("<module>()")


def test_step_counts_are_the_same_hoisted_or_not() -> None:
    # A hoisted loop's function takes no step of its own: 5 iterations fit in 5 steps plus
    # the statements around them exactly as before hoisting.
    for steps, ok in ((5, True), (4, False)):
        cell = pc.Cell(pc.Policy.preset("default").with_limits(steps=steps))
        if ok:
            cell.exec("for i in range(5):\n    pass\n")
        else:
            with pytest.raises(pc.StepLimitExceeded):
                cell.exec("for i in range(5):\n    pass\n")


def test_hoisted_loops_take_function_shapes_outside_comprehensions() -> None:
    # Planned before the rewrite: a hoisted loop's temporaries are its function's locals, so
    # its sites may bind them one by one (FREE) instead of packing a tuple (MODULE_FREE).
    # Inside a comprehension they stay module shapes (generators of one site share them).
    source = ("total = 0\nfor i in range(4):\n    total += len(str(i)) * 2 + i\n"
              "    rows = [len(str(j)) + len(str(i)) for j in range(i)]\n")
    tree = compile_full(source, "<t>", "exec", pc.Policy.preset("default")).tree
    text = ast.unparse(tree)
    loop_line = next(line for line in text.splitlines() if line.strip().startswith("total = ."))
    comp_line = next(line for line in text.splitlines() if line.strip().startswith("rows ="))
    assert ".o" in loop_line and "[0]" not in loop_line  # bound one by one
    assert "[0]" in comp_line  # the comprehension keeps the tuple shape
    cell = pc.Cell()
    cell.exec(source)
    expected: dict[str, object] = {}
    exec(source, expected)
    assert (cell.namespace["total"], cell.namespace["rows"]) == (expected["total"],
                                                                 expected["rows"])
