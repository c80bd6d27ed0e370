"""decimal.getcontext/setcontext/localcontext/Context in a cell work on the cell's own contexts."""

from __future__ import annotations

import decimal

import pytest

import paddedcell as pc

LIMITED = pc.Policy.preset("default").with_limits(memory=64 * 2**20)


def run(cell: pc.Cell, source: str) -> dict[str, object]:
    cell.exec("import decimal\nfrom decimal import Decimal\n" + source)
    return cell.namespace


def test_getcontext_precision_applies_in_the_run_and_in_later_runs() -> None:
    cell = pc.Cell()
    ns = run(cell, "decimal.getcontext().prec = 40\nfirst = str(Decimal(1) / 7)\n")
    assert ns["first"] == str(decimal.Context(prec=40).divide(1, 7))
    run(cell, "later = str(Decimal(1) / 7)\nprec = decimal.getcontext().prec\n")
    assert ns["later"] == ns["first"] and ns["prec"] == 40
    assert decimal.getcontext().prec == 28


def test_localcontext_applies_inside_the_block_only() -> None:
    cell = pc.Cell()
    ns = run(cell, "with decimal.localcontext(prec=5) as ctx:\n    inside = str(Decimal(1) / 7)\n"
                   "    ctx.rounding = decimal.ROUND_DOWN\n    down = str(Decimal(2) / 3)\n"
                   "outside = str(Decimal(1) / 7)\n"
                   "with decimal.localcontext(decimal.Context(prec=3)):\n"
                   "    given = str(Decimal(1) / 7)\n")
    assert (ns["inside"], ns["down"], ns["given"]) == ("0.14286", "0.66666", "0.143")
    assert ns["outside"] == str(decimal.Decimal(1) / 7)


def test_setcontext_takes_the_cells_own_contexts_only() -> None:
    cell = pc.Cell(globals={"hosts": decimal.Context(prec=3)})
    ns = run(cell, "mine = decimal.Context(prec=6)\ndecimal.setcontext(mine)\n"
                   "six = str(Decimal(1) / 7)\ncopied = mine.copy()\ncopied.prec = 2\n"
                   "decimal.setcontext(copied)\ntwo = str(Decimal(1) / 7)\n")
    assert (ns["six"], ns["two"]) == ("0.142857", "0.14")
    with pytest.raises(TypeError, match="cell's own"):
        run(cell, "decimal.setcontext(hosts)")
    with pytest.raises(pc.AttributeDenied):
        run(cell, "hosts.prec = 50")
    assert ns["hosts"].prec == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize("source", [
    "kind = type(decimal.getcontext())",
    "kind = decimal.getcontext().__class__",
    "f = decimal.getcontext()._unsafe_setprec",
    "m = decimal.localcontext()\nsaved = m._saved",
    "t = decimal.DefaultContext",
])
def test_the_context_class_and_internals_stay_out_of_reach(source: str) -> None:
    with pytest.raises((pc.SecurityError, AttributeError)):
        run(pc.Cell(), source)


@pytest.mark.parametrize("source", [
    "decimal.getcontext().prec = 10**9",
    "c = decimal.Context(10**9)",
    "c = decimal.Context(prec=10**9)",
    "with decimal.localcontext(prec=10**9):\n    pass",
    "c = decimal.getcontext().copy()\nc.prec = 10**9",
])
def test_a_huge_precision_is_charged_to_the_memory_budget(source: str) -> None:
    with pytest.raises(pc.MemoryLimitExceeded):
        run(pc.Cell(LIMITED), source)


def test_outside_a_run_the_cell_cannot_change_the_host_threads_context() -> None:
    cell = pc.Cell()
    run(cell, "def set_it():\n    decimal.setcontext(decimal.Context(prec=3))\n"
              "def local():\n    with decimal.localcontext(prec=3):\n        return 1\n"
              "def get_it():\n    decimal.getcontext().prec = 3\n    return str(Decimal(1) / 3)\n")
    host = decimal.getcontext()
    with pytest.raises(pc.SecurityError):
        cell.namespace["set_it"]()
    with pytest.raises(pc.SecurityError):
        cell.namespace["local"]()
    # A detached copy: the write goes nowhere the host or later runs can see.
    assert cell.namespace["get_it"]() == str(decimal.Decimal(1) / 3)
    assert decimal.getcontext() is host and host.prec == 28


def test_a_generator_suspended_in_localcontext_cannot_hand_the_host_thread_its_context() -> None:
    # review 2026-11: closing the generator later (the host, or the garbage collector) ran
    # __exit__ in the host thread's context, which became the cell's (writable) context.
    import gc
    cell = pc.Cell()
    run(cell, "keep = decimal.getcontext()\n"
              "def g():\n    with decimal.localcontext(prec=3):\n        yield 1\n        yield 2\n"
              "gen = g()\nnext(gen)\nother = g()\nnext(other)\n")
    host = decimal.getcontext()
    cell.namespace.pop("gen")
    gc.collect()
    with pytest.raises(StopIteration):
        next(cell.namespace["other"])  # the host resumes it: the block ends outside a run
        next(cell.namespace["other"])
    assert decimal.getcontext() is host
    run(cell, "keep.prec = 5\nkeep.traps[decimal.Inexact] = True\n")
    assert decimal.getcontext() is host and host.prec == 28 and not host.traps[decimal.Inexact]


@pytest.mark.parametrize("source", [
    "class I(int): pass\nc = decimal.Context(prec=I(10**9))",
    "class I(int): pass\nc = decimal.Context(I(10**9))",
    "class I(int): pass\ndecimal.getcontext().prec = I(10**9)",
    "class I(int): pass\nwith decimal.localcontext(prec=I(10**9)):\n    pass",
])
def test_an_int_subclass_precision_is_charged_too(source: str) -> None:
    # review 2026-11: the charge looked at exact ints only; C takes the subclass's value.
    with pytest.raises(pc.MemoryLimitExceeded):
        run(pc.Cell(LIMITED), source)


def test_a_runs_arithmetic_never_sets_the_host_threads_flags() -> None:
    # review 2026-11: before the cell's first getcontext() the run's context was the host
    # thread's own object (a copied contextvars context shares it): Decimal(1) / 3 set its flags.
    host = decimal.getcontext()
    host.clear_flags()
    ns = run(pc.Cell(), "x = str(Decimal(1) / 3)\n")
    assert ns["x"] == str(decimal.Decimal(1) / 3)
    host.clear_flags()
    run(pc.Cell(), "x = Decimal(1) / 3\n")
    assert not any(host.flags.values())
