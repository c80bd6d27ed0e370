"""Budgets by behaviour: steps grow linearly, limits are per run, lifetime budgets add up,
time limits work from any thread, cancellation is safe from another thread."""

from __future__ import annotations

import ctypes
import gc
import threading
from pathlib import Path

import pytest

import paddedcell as pc

BASE = pc.Policy.preset("default").with_limits(time=None, steps=None, memory=None,
                                               output=None, recursion=None)


def steps_used(n: int) -> int:
    """The smallest step limit that lets a loop of n iterations finish (by bisection)."""
    lo, hi = 1, 10 * n + 1000
    while lo < hi:
        mid = (lo + hi) // 2
        try:
            pc.Cell(BASE.with_limits(steps=mid)).exec(f"for i in range({n}):\n    pass")
            hi = mid
        except pc.StepLimitExceeded:
            lo = mid + 1
    return lo


def test_steps_grow_linearly_with_iterations() -> None:
    small, large = steps_used(2_000), steps_used(8_000)
    # chunks of 256 make the count granular; the growth is the loop's
    assert 4 * 2_000 - 600 <= large - small + 2_000 <= 4 * 2_000 + 600


def test_each_run_gets_a_fresh_budget() -> None:
    cell = pc.Cell(BASE.with_limits(steps=50_000))
    for _ in range(5):
        cell.exec("for i in range(30_000):\n    pass")  # 150k steps in all, 30k per run


def test_a_lifetime_budget_adds_up_over_runs() -> None:
    cell = pc.Cell(BASE.with_limits(steps=50_000), lifetime=pc.Limits(steps=100_000))
    cell.exec("for i in range(30_000):\n    pass")
    cell.exec("for i in range(30_000):\n    pass")
    with pytest.raises(pc.StepLimitExceeded):
        for _ in range(5):
            cell.exec("for i in range(30_000):\n    pass")


def test_output_limit_keeps_what_fit() -> None:
    cell = pc.Cell(BASE.with_limits(output=10))
    with pytest.raises(pc.OutputLimitExceeded):
        cell.exec("print('12345')\nprint('67890')")
    assert cell.output == "12345\n"


def test_time_limit_from_a_worker_thread() -> None:
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            pc.Cell(BASE.with_limits(time=0.3)).exec("while True:\n    pass")
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    assert isinstance(outcome[0], pc.TimeLimitExceeded)


def test_cancel_from_another_thread() -> None:
    cell = pc.Cell(BASE.with_limits(steps=10**12))
    timer = threading.Timer(0.2, cell.cancel)
    timer.start()
    with pytest.raises(pc.TimeLimitExceeded, match="cancelled"):
        cell.exec("while True:\n    pass")
    timer.join()


def test_limits_cannot_be_caught_or_outlived() -> None:
    cell = pc.Cell(BASE.with_limits(steps=100_000))
    for source in ("try:\n    while True: pass\nexcept BaseException:\n    pass\nresult = 1",
                   "E = BaseException\ntry:\n    while True: pass\nexcept (ValueError, E):\n    pass",
                   "def f():\n    try:\n        while True: pass\n    finally:\n        return 1\nf()\nok = 1",
                   "import contextlib\nwith contextlib.suppress(BaseException):\n    while True: pass"):
        with pytest.raises(pc.StepLimitExceeded):
            cell.exec(source)
    assert "result" not in cell.namespace


def test_callbacks_after_a_run_have_a_budget() -> None:
    cell = pc.Cell(BASE.with_limits(steps=100_000))
    cell.exec("class Bomb:\n    def __eq__(self, o):\n        while True: pass\n    __hash__ = None\n"
              "b = Bomb()")
    with pytest.raises(pc.StepLimitExceeded):
        cell.namespace["b"] == 1
    cell.exec("x = 1")  # the next run starts fresh


def test_unmetered_policies_add_no_ticks() -> None:
    from paddedcell.compiler import compile_full

    tree = compile_full("while x:\n    pass", "<t>", "exec", BASE).tree
    import ast

    assert ".ticks" not in ast.unparse(tree)
    assert BASE.limits.metered is False and pc.Policy.preset("default").limits.metered


LIBRARY_LOOPS = [
    "import statistics, itertools\nstatistics.fmean(itertools.repeat(1.0, 10**9))",
    "import random\nx = list(range(10**6))\nfor _ in range(50):\n    random.shuffle(x)",
    "import heapq, itertools\nmax(heapq.merge(itertools.repeat(1, 10**9), itertools.repeat(2, 10**9)))",
]


@pytest.mark.parametrize("source", LIBRARY_LOOPS)
def test_python_loops_inside_library_code_are_stopped(source: str) -> None:
    # review 3: library Python code takes no steps; the watchdog thread raises the limit
    import time

    cell = pc.Cell(BASE.with_limits(time=0.5))
    start = time.monotonic()
    with pytest.raises(pc.TimeLimitExceeded):
        cell.exec(source)
    assert time.monotonic() - start < 1.5
    assert cell.eval("1 + 1") == 2  # nothing left pending for the next run


def test_cancel_reaches_library_loops() -> None:
    cell = pc.Cell(BASE.with_limits(time=30.0))
    timer = threading.Timer(0.3, cell.cancel)
    timer.start()
    with pytest.raises(pc.TimeLimitExceeded):
        cell.exec("import statistics, itertools\nstatistics.fmean(itertools.repeat(1.0, 10**9))")
    timer.join()


def test_a_limit_reaches_the_host_without_cell_exceptions_attached() -> None:
    # review 3, finding 3: the limit must not carry the cell's exceptions as its context
    cell = pc.Cell(BASE.with_limits(steps=50_000))
    with pytest.raises(pc.StepLimitExceeded) as info:
        cell.exec("class Boom(Exception):\n    def __str__(self):\n        raise SystemExit\n"
                  "try:\n    raise Boom()\nexcept Boom:\n    while True:\n        pass")
    assert info.value.__context__ is None and info.value.__cause__ is None


def test_the_ticker_survives_spent_interpreter_recursion() -> None:
    # review 3, finding 6: deep C recursion spent the counter inside the refill
    cell = pc.Cell(BASE.with_limits(steps=10**7, recursion=200))
    source = ("import json, contextlib\ndef nest(d):\n    top = cur = []\n    for i in range(d):\n"
              "        nxt = []\n        cur.append(nxt)\n        cur = nxt\n    return top\n"
              "for d in range(900, 1000):\n    with contextlib.suppress(RecursionError):\n"
              "        json.dumps(nest(d))\nn = 0\nwhile True:\n    n += 1")
    with pytest.raises(pc.LimitExceeded):
        cell.exec(source)


def test_a_memory_limit_beyond_rlimit_as_runs_and_keeps_the_backstop() -> None:
    # setrlimit raised OverflowError, which left the shared run count at 1: no later run in
    # the process got the address-space backstop.
    from paddedcell.runtime import hardlimit

    cell = pc.Cell(pc.Policy.preset("default").with_limits(memory=10**30))
    assert cell.eval("1 + 1") == 2
    assert hardlimit._active == 0


# -- the inline operand tests (`:=` temporaries) keep charging and keep Python's order -------
_CHARGED = pc.Policy.preset("default").with_limits(memory=64 * 2**20, time=5.0)
_BIG = "def big():\n    return 10**9\ndef text():\n    return 'ab'\ndef items():\n    return [0] * 10\n"


@pytest.mark.parametrize("expr", [
    "big() * text()", "text() * big()", "big() * 'ab'", "'ab' * big()", "items() * big()",
    "big() * items()", "text() * (big() + 1)",
])
def test_repetitions_behind_inline_tests_are_charged(expr: str) -> None:
    cell = pc.Cell(_CHARGED)
    with pytest.raises(pc.MemoryLimitExceeded):
        cell.exec(_BIG + f"def f():\n    return {expr}\nf()")


def _release_freed_memory() -> None:
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        pass


@pytest.mark.parametrize("body", [
    "return huge() + huge()", "o.s += huge()\n    o.s += huge()",
    "return (huge() + 'y') + huge()",
])
def test_concatenations_behind_inline_tests_are_charged(body: str) -> None:
    # The charge adds the process's measured growth, which stays zero while malloc reuses
    # memory an earlier test freed (glibc keeps large freed blocks once its mmap threshold
    # has grown): hand that memory back first, as a fresh process would have it.
    _release_freed_memory()
    with pytest.raises(pc.MemoryLimitExceeded):
        pc.Cell(_CHARGED).exec("def huge():\n    return 'x' * (30 * 2**20)\n"
                               "class O:\n    pass\no = O()\n"
                               f"o.s = ''\ndef f():\n    {body}\nf()")


@pytest.mark.parametrize("body", [
    "return L(1) * L(2) + L(3) * L(4)",
    "return L('a') + L('b') + L('c')",
    "return L(2) * L('x') + L('y') * L(3)",
    "o.v += L(5)\n    o.v += L(6) * L(7)\n    return o.v",
    "return (L(1) + L(2)) * (L(3) + L(4))",
    "return [L(i) * L(i) + L(1) for i in range(3)]",
    "g = gen2()\n    return [next(g), g.send(10), g.send(20)]",
])
def test_operands_are_evaluated_once_in_order(body: str) -> None:
    from tests.helpers import run_cell, run_plain

    source = ("log = []\ndef L(v):\n    log.append(v)\n    return v\n"
              "class O:\n    pass\no = O()\no.v = 0\n"
              "def gen2():\n    x = (yield L(1)) or 1\n    y = L(x) * ((yield 2) or 3) + L(4)\n    yield y\n"
              f"def f():\n    {body}\nprint(f(), log)\n")
    assert run_cell(source, pc.Policy.preset("default")) == run_plain(source)


_REENTRANT_MODULE = """\
try:
    phase
except NameError:
    phase = 0
import m
def left():
    return 10_000_000 if phase == 0 else 'x' * 10
def right(*padding):
    global phase
    if phase == 0:
        phase = 1
        reload(m)  # runs this module's code again, in these globals, mid-expression
        return 10
    return {inner}
{statement}
"""
#: A right operand too large to be written twice: it is evaluated inside the inline test.
_PADDED = "right(" + ", ".join(["0"] * 40) + ")"


@pytest.mark.parametrize(("statement", "inner", "expected"), [
    ("r = left() * right()", "1", 100_000_000),
    (f"r = left() + {_PADDED}", "'y'", 10_000_010),
    ("r = left()\nr *= right()", "1", 100_000_000),
    ("r = left()\nr += right()", "'y'", 10_000_010),
])
def test_module_code_run_again_mid_expression_keeps_its_operands(
        tmp_path: Path, statement: str, inner: str, expected: int) -> None:
    # RExec's reload re-runs a module in its own globals, where a module-level `:=`
    # temporary would live: the outer expression would then repeat (unmetered) or add the
    # inner run's operand instead of its own.
    from paddedcell.rexec import RExec

    (tmp_path / "m.py").write_text(_REENTRANT_MODULE.format(statement=statement, inner=inner))

    class Env(RExec):
        ok_path = (str(tmp_path),)

    env = Env()
    env.r_exec("import m")
    assert env.r_eval("m.r") == expected


@pytest.mark.parametrize("handler", ["except ValueError", "except Exception", "except",
                                     "except BaseException", "except (ValueError, KeyError)"])
def test_inline_handler_tests_still_end_in_the_limit(handler: str) -> None:
    # Each iteration raises and catches; once the budget is spent, the handler expression's
    # inline test (`.alive`) sends matching to the meter, which re-raises the limit.
    cell = pc.Cell(BASE.with_limits(steps=20_000))
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec(f"while True:\n    try:\n        raise ValueError\n    {handler}:\n        pass")
    cell = pc.Cell(BASE.with_limits(recursion=100))
    with pytest.raises(pc.RecursionLimitExceeded):
        cell.exec(f"def f():\n    try:\n        f()\n    {handler}:\n        f()\nf()")


def test_a_cancel_reaches_a_loop_that_catches_everything() -> None:
    cell = pc.Cell(BASE.with_limits(steps=10**12, time=60.0))
    timer = threading.Timer(0.2, cell.cancel)
    timer.start()
    with pytest.raises(pc.TimeLimitExceeded):
        cell.exec("while True:\n    try:\n        1 / 0\n    except BaseException:\n        pass")
    timer.join()


_CATCH_AND_GO_ON = ("try:\n    t = s * 20_000_000\nexcept BaseException as e:\n"
                    "    print('caught', type(e).__name__)\nprint('went on')\n")


def test_a_lifetime_limit_cannot_be_caught_or_outlived() -> None:
    # The charge is refused by the lifetime budget, not the run's: the run's handlers must
    # still see an exhausted budget, and the run and the later ones must end in the limit.
    cell = pc.Cell(BASE.with_limits(memory=256 * 2**20), lifetime=pc.Limits(memory=8 * 2**20))
    with pytest.raises(pc.MemoryLimitExceeded):
        cell.exec("s = 'x'\n" + _CATCH_AND_GO_ON)
    assert "caught" not in cell.output and "went on" not in cell.output
    with pytest.raises(pc.MemoryLimitExceeded):
        cell.exec("print('next run')")
    assert cell.output == ""


def test_a_parents_limit_cannot_be_caught_in_a_child() -> None:
    parent = pc.Cell(BASE.with_limits(output=10**6), lifetime=pc.Limits(output=100))
    child = parent.subcell(output=10**6)
    with pytest.raises(pc.OutputLimitExceeded):
        child.exec("try:\n    print('y' * 150)\nexcept BaseException:\n    pass\n"
                   "print('went on')")
    assert "went on" not in child.output


def test_a_parents_cancel_reaches_a_childs_handlers_at_once() -> None:
    parent = pc.Cell(BASE.with_limits(steps=10**12, time=60.0))
    child = parent.subcell(globals={"cancel_parent": lambda: parent.cancel()})
    parent.namespace["run_child"] = lambda: child.exec(
        "cancel_parent()\ntry:\n    1 / 0\nexcept BaseException:\n    pass\nprint('went on')")
    with pytest.raises(pc.TimeLimitExceeded):
        parent.exec("run_child()")
    assert "went on" not in child.output


@pytest.mark.parametrize("source", [
    "import array\nx = array.array('q', [0]) * 5_000_000",
    "import array\na = array.array('q', [0])\nn = 5_000_000\nx = a * n",
    "from collections import deque\nx = deque([0]) * 5_000_000",
    "from collections import UserList\nx = UserList([0]) * 5_000_000",
    "class L(list):\n    def __len__(self):\n        return 0\nx = L([0]) * 5_000_000",
    "import array\na = array.array('q', [0] * 1000)\nfor i in range(20):\n    a = a + a",
])
def test_other_sequences_are_charged_before_they_grow(source: str) -> None:
    # Charged by the meter itself (MemoryLimitExceeded before the allocation), not left to
    # the address-space backstop or the final check.
    cell = pc.Cell(pc.Policy.preset("default").with_limits(memory=16 * 2**20))
    with pytest.raises(pc.MemoryLimitExceeded, match="would allocate"):
        cell.exec(source)


def test_short_concatenations_stay_native_and_keep_list_semantics() -> None:
    from tests.helpers import run_cell, run_plain

    source = ("a = b = [1]\na += [2]\ns = 'x'\nt = s\ns += 'y'\nu = (1,)\nu += (2,)\n"
              "def f(p, q):\n    r = p\n    r += q\n    return r\n"
              "l1 = [0]\nl2 = f(l1, [9])\n"
              "print(a, b, s, t, u, l1, l2, l2 is l1, 'ab' + 'cd', [1] + [2], b'x' + b'y')")
    assert run_cell(source, pc.Policy.preset("default")) == run_plain(source)


@pytest.mark.parametrize("source", [
    "s = 'x'\nwhile True:\n    s = s + s",
    "s = 'x'\nwhile True:\n    s += s",
    "def f():\n    s = ['x']\n    while True:\n        s = s + s\nf()",
    "def g(x):\n    return x\ndef f():\n    s = 'x'\n    while True:\n        s = g(s) + g(s)\nf()",
    "def g(x):\n    return x\ns = b'x'\nwhile True:\n    s = g(s) + g(s)",
])
def test_doubling_concatenations_reach_the_meter(source: str) -> None:
    # The meter refuses the doubling that would pass the limit; when the process's memory
    # fell since the run started, the budget's own growth check may see the step before.
    # Either way a budget limit, never the address-space backstop's failed allocation.
    cell = pc.Cell(pc.Policy.preset("default").with_limits(memory=32 * 2**20))
    with pytest.raises(pc.MemoryLimitExceeded) as info:
        cell.exec(source)
    assert "would allocate" in str(info.value) or "grew by" in str(info.value)


@pytest.mark.parametrize("expr", ["a(i) * b(i)", "a(i) + b(i)", "a(i) * 2", "b(i) + a(i)"])
def test_generators_of_one_site_keep_their_own_operands(expr: str) -> None:
    # Two generators made by the same expression share the enclosing scope, where `:=`
    # binds; one steps the other while its operand is being evaluated.
    from tests.helpers import run_cell, run_plain

    source = ("state = {'other': None}\n"
              "def a(i):\n    return 10 + i\n"
              "def b(i):\n    o = state['other']\n"
              "    if o is not None:\n"
              "        state['other'] = None\n        print('stepped', next(o))\n    return 2\n"
              f"def mk():\n    return [({expr} for i in range(3)) for _ in range(2)]\n"
              "g1, g2 = mk()\nstate['other'] = g2\nprint(list(g1), list(g2))\n"
              f"h1, h2 = [({expr} for i in range(3)) for _ in range(2)]\n"
              "state['other'] = h2\nprint(list(h1), list(h2))\n")
    assert run_cell(source, pc.Policy.preset("default")) == run_plain(source)


@pytest.mark.parametrize("source", [
    "def g():\n    return 3\ndef k():\n    return 10**8\ndef f():\n    return g() ** k()\nf()",
    "n = 10**8\nx = 7 ** n",
    "def f(b, e):\n    return b ** e\nf(3, 10**8)",
    "def g():\n    return 3\nx = g() ** (10**8)",
    "x = [3, 10**8]\ny = x[0] ** x[1]",
])
def test_integer_powers_behind_inline_tests_are_charged(source: str) -> None:
    cell = pc.Cell(pc.Policy.preset("default").with_limits(memory=32 * 2**20, time=5.0))
    with pytest.raises(pc.MemoryLimitExceeded):
        cell.exec(source)


def test_float_and_small_powers_stay_python() -> None:
    from tests.helpers import run_cell, run_plain

    source = ("def f(a, b):\n    return a ** b\n"
              "print(f(2.0, 10), f(2, 0.5), f(-8, 1/3), f(1j, 2), f(3, -2), f(10**30, 3), "
              "[x ** 2 for x in range(4)], (lambda v: v ** -1.5)(4.0), 2 ** 10)\n"
              "try:\n    f(2.0, 10**6)\nexcept OverflowError as e:\n    print('overflow', e)\n")
    assert run_cell(source, pc.Policy.preset("default")) == run_plain(source)
