"""Deferred function bodies (compiler.deferral, compiler.lazy).

The module is checked whole at compile time; eligible function bodies are rewritten and
compiled on their first call. These tests hold the two promises that makes: the deferred
code is the code eager compilation gives (compared on every corpus), and nothing the
compiler would refuse waits until a call.
"""

from __future__ import annotations

import ast
import re
import threading
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

import paddedcell as pc
from paddedcell.compiler import collector, compile_full, lazy
from paddedcell.compiler.check import check_tree
from paddedcell.compiler.parse import parse

TESTS = Path(__file__).parent
CORPORA = sorted([*TESTS.glob("benign/*.py"), *TESTS.glob("escapes/*.py"),
                  *TESTS.glob("escapes_files/*.py"), *TESTS.glob("dos/*.py")])
POLICIES = {"default": pc.Policy.preset("default"),
            "unlimited": pc.Policy.preset("default").with_limits(
                time=None, steps=None, memory=None, output=None, recursion=None)}
_TEMP = re.compile(r"^\.o\d+$")


def _normal(code: CodeType) -> tuple[Any, ...]:
    """What must match: bytecode, names, constants (nested code too), flags and signature.
    The rewriter's operand temporaries are numbered per rewrite, so only their order counts."""
    every = {*code.co_varnames, *code.co_cellvars, *code.co_freevars}
    ranks = {n: f".o#{i}" for i, n in enumerate(sorted(
        (n for n in every if _TEMP.match(n)), key=lambda n: int(n[2:])))}

    def names(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(ranks.get(n, n) for n in found)
    consts = tuple(_normal(c) if isinstance(c, CodeType) else c for c in code.co_consts)
    return (code.co_code, code.co_names, names(code.co_varnames), consts, code.co_flags,
            code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount,
            code.co_qualname, names(code.co_freevars), names(code.co_cellvars))


def _pairs(eager: CodeType, deferred: CodeType) -> list[tuple[CodeType, CodeType]]:
    """(eager code, compiled deferred code) for every stub in `deferred`, walking both
    modules' constants in step."""
    found = []
    stubs = [c for c in deferred.co_consts if isinstance(c, CodeType)]
    codes = [c for c in eager.co_consts if isinstance(c, CodeType)]
    assert len(stubs) == len(codes)
    for e, d in zip(codes, stubs, strict=True):
        entry = lazy._STUBS.get(id(d))
        if entry is not None:
            unit, index = entry[1], entry[2]
            found.append((e, unit.code(index)))
        else:
            found.extend(_pairs(e, d))
    return found


def _accepted(path: Path) -> str | None:
    source = path.read_text()
    return source if not pc.check(source) else None


@pytest.mark.parametrize("policy", list(POLICIES))
def test_deferred_code_is_the_code_eager_compilation_gives(policy: str) -> None:
    compared = 0
    for path in CORPORA:
        source = _accepted(path)
        if source is None:
            continue
        eager = compile_full(source, path.name, "exec", POLICIES[policy]).code
        deferred = compile_full(source, path.name, "exec", POLICIES[policy], defer=True).code
        for e, d in _pairs(eager, deferred):
            assert _normal(e) == _normal(d), (path.name, e.co_qualname)
            compared += 1
    assert compared > 100  # the corpora do define functions: the comparison ran


@pytest.mark.parametrize("body", [
    "break", "continue", "for x in y: pass\n    else: break", "nonlocal x",
    "def g(): nonlocal y", "f(a=1, a=2)", "lambda a, a: 1", "x = *a", "*a = b",
    "a, *b, *c = d", "[(yield) for x in y]", "await x", "from m import *",
    "try: pass\n    except: pass\n    except ValueError: pass", "class A:\n        return 1",
    "x = 1\n    global x", "match x:\n        case a: pass\n        case b: pass",
    "[x := 1 for x in y]", "from __future__ import annotations",
    "from os import path\n    from __future__ import annotations", "\n    ".join(f"{'    ' * i}for x{i} in y:" for i in range(21))
    + "\n" + "    " * 22 + "pass",
])
def test_what_the_compiler_refuses_in_a_body_is_refused_at_compile_time(body: str) -> None:
    """paddedcell accepts such a body exactly when this CPython does (3.13 allows more
    nested blocks than 3.11), and refuses it at compile time, not at the first call."""
    source = f"def f():\n    {body}\n"
    try:
        compile(source, "<s>", "exec")
    except SyntaxError:
        with pytest.raises(pc.RestrictedSyntaxError):
            pc.compile_restricted(source, "<s>", "exec")
    else:
        pc.compile_restricted(source, "<s>", "exec")


def test_checking_for_deferral_changes_neither_violations_nor_sites() -> None:
    policy = pc.Policy.preset("default")
    for path in CORPORA:
        source = path.read_text()
        trees = [parse(source, path.name, "exec", policy.limits).tree for _ in range(2)]
        if trees[0] is None or trees[1] is None:
            continue  # refused by the parser's limits: no walk
        plain = check_tree(trees[0], policy.limits)
        deferring = check_tree(trees[1], policy.limits, defer=True)
        assert plain.violations == deferring.violations, path.name
        assert [(s.kind, type(s.node)) for s in plain.sites] == \
            [(s.kind, type(s.node)) for s in deferring.sites], path.name
        assert (plain.nodes, plain.depth) == (deferring.nodes, deferring.depth)


SEMANTICS = '''
import functools
calls = []
def noted(fn):
    calls.append(fn.__name__)
    return fn
class Box:
    """A box."""
    def __init__(self, v, *rest, k=1, **kw):
        """Make one."""
        self.__v = v + k + len(rest) + len(kw)
    @property
    def value(self):
        return self.__v
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def named(cls):
        return cls.__name__
    def each(self, n):
        for i in range(n):
            got = yield i * self.__v
            if got:
                return got
@noted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
@functools.lru_cache(maxsize=None)
def square(x):
    return x * x
def defaults(a, b=[], /, *, c=3):
    b.append(a)
    return len(b), c
def closure(n):
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return [add(i) for i in range(n)][-1]
def mixed(a, /, b, *args, c, **kw):
    return a, b, args, c, sorted(kw.items())
b = Box(1, 2, 3, k=4, z=5)
g = b.each(10)
out = [b.value, Box.twice(21), Box.named(), fib(15), square(12), square(12), next(g),
       g.send(0), defaults(1), defaults(2), closure(5), mixed(1, 2, 3, c=4, a=5, d=6),
       Box.__doc__, Box.__init__.__doc__, calls]
try:
    g.send("stop")
except StopIteration as stop:
    out.append(stop.value)
fns = []
for i in range(3):
    def made(x, i=i):
        return x + i
    fns.append(made)
out.append([f(10) for f in fns])
print(out)
'''


@pytest.mark.parametrize("policy", list(POLICIES))
def test_deferred_functions_behave_as_python(policy: str, capsys: pytest.CaptureFixture[str]) -> None:
    compiled = compile_full(SEMANTICS, "<s>", "exec", POLICIES[policy], defer=True)
    assert ".lazy" in ast.unparse(compiled.tree)  # the functions were deferred
    exec(compile(SEMANTICS, "<s>", "exec"), {})
    expected = capsys.readouterr().out
    for _ in range(2):  # the second cell reuses the compiled bodies
        cell = pc.Cell(POLICIES[policy])
        cell.exec(SEMANTICS)
        assert cell.output == expected


def test_first_calls_from_many_threads_compile_once_and_agree() -> None:
    source = "def f(x):\n    return x * 2 + 1\n"
    cell = pc.Cell(pc.Policy.preset("default").with_limits(time=None))
    cell.exec(source)
    f = cell.namespace["f"]
    results: list[int] = []
    threads = [threading.Thread(target=lambda i=i: results.append(f(i))) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [2 * i + 1 for i in range(8)]


def test_a_dropped_tree_is_checked_again_from_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy, "RETAIN_SOURCE_CHARS", 1)
    source = "def f(s):\n    return s.format(41) + '!'\n"
    first = pc.Cell()
    first.exec(source)
    pc.Cell().exec("def g():\n    return 2\n")  # evicts the first module's trees
    assert all(u.source != source for u in lazy._RETAINED.values())
    first.exec("r = f('{}')\n")
    assert first.namespace["r"] == "41!"
    with pytest.raises(pc.AttributeDenied):  # still guarded
        first.exec("f('{0.__globals__}')\n")


def test_an_interrupted_compile_leaves_no_half_rewritten_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lazy._compile_body
    state = {"failed": False}

    def interrupted(*args: Any) -> CodeType:
        if not state["failed"]:
            state["failed"] = True
            real(*args)  # the rewrite has worked on the tree in place ...
            raise KeyboardInterrupt  # ... and then the compile is cut short
        return real(*args)

    monkeypatch.setattr(lazy, "_compile_body", interrupted)
    cell = pc.Cell()
    cell.exec("def f(s):\n    return s.format(1)\n")
    f = cell.namespace["f"]
    with pytest.raises(KeyboardInterrupt):
        f("{}")
    assert f("{}") == "1"
    # A tree rewritten twice would guard twice or miss a guard: the format guard still works.
    with pytest.raises(pc.AttributeDenied):
        f("{0.__globals__}")


def test_a_first_call_shows_no_extra_frames() -> None:
    cell = pc.Cell()
    with pytest.raises(ZeroDivisionError) as info:
        cell.exec("def f():\n    return 1 / 0\nf()\n", filename="<snippet>")
    tb = info.value.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert "lazy_call" not in names
    assert names.count("f") == 1


def test_an_interruption_after_the_rewrite_leaves_no_rewritten_tree(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A limit arrives asynchronously (the watchdog, `cell.cancel()`) at any call in the host:
    here at the collector's re-enabling, after the body was rewritten in place and compiled
    but before its code was stored. The next call must not rewrite that tree again (which
    guards twice and puts statements in slots the entry tick moved)."""
    cell = pc.Cell()
    cell.exec("def f(s):\n    x = s\n    import math\n    return f'{x:{len(s)}}' + x.format(1)\n")
    f = cell.namespace["f"]
    # (After the module's compile, which pauses the collector through the same helper.)
    monkeypatch.setattr(collector, "gc", _collector_interrupted_at("enable"))
    with pytest.raises(KeyboardInterrupt):
        f("{}")
    assert f("{}") == "{}1"
    assert f("{}") == "{}1"


def test_an_eviction_by_another_thread_during_a_first_call_is_harmless() -> None:
    """Another thread's module may evict this unit's trees (`_retain` sets `bodies` to None
    under its own lock, not the unit's) at any moment of a first call: here after every read
    of `bodies`. The call must use the trees it read, or derive them again."""

    class Evicting(lazy.Unit):
        @property  # type: ignore[override]
        def bodies(self) -> Any:
            found = self.__dict__["bodies"]
            self.__dict__["bodies"] = None  # evicted right after this read
            return found

        @bodies.setter
        def bodies(self, value: Any) -> None:
            self.__dict__["bodies"] = value

    cell = pc.Cell()
    cell.exec("def f(s):\n    return s.format(2)\n")
    f = cell.namespace["f"]
    unit = lazy._STUBS[id(f.__code__)][1]
    unit.__class__ = Evicting
    try:
        assert f("{}") == "2"
    finally:
        unit.__class__ = lazy.Unit


def test_a_string_like_a_stub_key_makes_no_stub() -> None:
    """Keys are `<serial>:<index>`, easy to guess; a cell's own string constant equal to one
    must not register its code as a stub (whose frames tracebacks then leave out)."""
    serial = next(lazy._serials) + 1  # the serial the next unit takes
    source = (f"class A:\n    def m(self):\n        super()\n        k = '{serial}:0'\n"
              "        return 1 / 0\ndef g():\n    return 2\nA().m()\n")
    with pytest.raises(ZeroDivisionError) as info:
        pc.Cell().exec(source, filename="<snippet>")
    tb = info.value.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert names[-1] == "m"


def _collector_interrupted_at(method: str) -> Any:
    """A `gc` whose `method` does its work and then raises, as a limit raised asynchronously
    (the watchdog, `cell.cancel()`) arrives when the call returns."""
    import gc as real_gc

    class Collector:
        armed = True

        def isenabled(self) -> bool:
            return real_gc.isenabled()

        def disable(self) -> None:
            real_gc.disable()
            self._fire("disable")

        def enable(self) -> None:
            real_gc.enable()
            self._fire("enable")

        def _fire(self, name: str) -> None:
            if self.armed and name == method:
                self.armed = False
                raise KeyboardInterrupt
    return Collector()


@pytest.mark.parametrize("where", ["first call", "compile"])
def test_an_interruption_never_leaves_the_collector_disabled(
        where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compile pauses the process's cyclic collector; an interruption arriving right
    after `gc.disable()` must not leave it off for every cell and the host."""
    import gc as real_gc

    assert real_gc.isenabled()
    cell = pc.Cell()
    source = f"def f(s):\n    return s.format(3)  # {where}\n"
    try:
        if where == "first call":
            cell.exec(source)
            monkeypatch.setattr(collector, "gc", _collector_interrupted_at("disable"))
            with pytest.raises(KeyboardInterrupt):
                cell.namespace["f"]("{}")
        else:
            monkeypatch.setattr(collector, "gc", _collector_interrupted_at("disable"))
            with pytest.raises(KeyboardInterrupt):
                cell.exec(source)
        assert real_gc.isenabled()
    finally:
        real_gc.enable()


def test_evicting_trees_again_and_again_costs_a_few_derivations(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two modules whose trees do not fit together, first calls alternating between them
    (two cells, or any other tenant compiling): each eviction makes the next first call
    parse and check its whole module again. One derivation per function is quadratic work
    (measured: 0.66 s per first call for a 350 kB module, hours for all its functions), so
    a derivation compiles a share of the module's remaining bodies at once."""
    monkeypatch.setattr(lazy, "RETAIN_SOURCE_CHARS", 1)
    derived: list[int] = []
    real = lazy.Unit._derive

    def counted(self: lazy.Unit) -> Any:
        derived.append(self.serial)
        return real(self)

    monkeypatch.setattr(lazy.Unit, "_derive", counted)
    n = 40
    cell = pc.Cell()
    for tag in "ab":
        cell.exec("".join(f"def {tag}{i}(x):\n    return x.format({i})\n" for i in range(n)))
    for i in range(n):
        for tag in "ab":
            assert cell.namespace[f"{tag}{i}"]("{}") == str(i)
    assert len(derived) <= 2 * (lazy.DERIVATION_SHARES + 1)
    with pytest.raises(pc.AttributeDenied):  # the bodies compiled in a batch are guarded
        cell.exec("a39('{0.__globals__}')\n")
