"""Nested cells: the partial order on policies, narrowing, sub-cells made by the supervisor
and by untrusted code, and budgets that come out of the parent's."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paddedcell as pc
from paddedcell.policy import DEFAULT_MAX_OPEN_FILES, FileRoot, ModuleGrant

DEFAULT = pc.Policy.preset("default")
NESTING = dataclasses.replace(DEFAULT, subcells=True)


# -- the partial order, field by field ------------------------------------------------------
def test_presets_are_ordered() -> None:
    minimal = pc.Policy.preset("minimal")
    assert minimal <= DEFAULT and not DEFAULT <= minimal and DEFAULT >= minimal
    assert DEFAULT <= DEFAULT


@pytest.mark.parametrize(("change", "field"), [
    ({"modules": (ModuleGrant("os", None),)}, "modules.os"),
    ({"modules": (ModuleGrant("math", None),)}, "modules.math.attributes"),
    ({"modules": (ModuleGrant("math", frozenset({"sqrt", "bogus"})),)}, "modules.math.attributes"),
    ({"deny_builtins": frozenset()}, "builtins.deny"),
    ({"limits": pc.Limits(time=None, steps=10, memory=10, output=10, recursion=10)},
     "limits.time"),
    ({"limits": pc.Limits(time=0.5, steps=10**9, memory=10, output=10, recursion=10)},
     "limits.steps"),
    ({"limits": pc.Limits(time=0.5, steps=10, memory=10, output=10, recursion=10, depth=300)},
     "limits.depth"),
    ({"stdin": True}, "streams.stdin"),
    ({"subcells": True}, "subcells"),
    ({"sources": ("/elsewhere",)}, "sources"),
])
def test_each_widening_is_named(change: dict[str, object], field: str) -> None:
    parent = dataclasses.replace(
        DEFAULT, deny_builtins=frozenset({"print"}),
        modules=(ModuleGrant("math", frozenset({"sqrt", "pi"})),),
        limits=pc.Limits(time=1.0, steps=100, memory=100, output=100, recursion=100),
        sources=("/srv/lib",))
    child = dataclasses.replace(parent, **change)
    assert field in child.widenings(parent)
    assert not child <= parent
    with pytest.raises(pc.PolicyError, match=field.replace(".", r"\.").replace("[", r"\[")):
        pc.Cell(parent).subcell(child)


def test_file_roots_are_ordered_by_containment_mode_and_quota(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    parent = DEFAULT.with_files(tmp_path, write=True, max_bytes_written=1000)
    inner = str(tmp_path / "inner")
    ok = dataclasses.replace(parent, files=(FileRoot(inner, "/", True, 10),))
    assert ok <= parent
    for root, field in [(FileRoot(str(tmp_path.parent), "/", False, 10), "files[0].root"),
                        (FileRoot(inner, "/", True, None), "files[0].max_bytes_written"),
                        (FileRoot(inner, "/", True, 10, 5), "files[0]")]:
        child = dataclasses.replace(parent, files=(root,))
        if field == "files[0]":
            assert child <= parent  # 5 is below the parent's default open-file cap
            continue
        assert field in child.widenings(parent)
    # The open-file cap is never unlimited: None means the default, and a child asking for
    # more than its parent's (default) cap widens it.
    default = FileRoot(inner, "/", True, 10, None)
    assert default.max_open_files == DEFAULT_MAX_OPEN_FILES
    assert dataclasses.replace(parent, files=(default,)) <= parent
    more = dataclasses.replace(parent, files=(FileRoot(inner, "/", True, 10,
                                                       DEFAULT_MAX_OPEN_FILES + 1),))
    assert "files[0].max_open_files" in more.widenings(parent)
    assert more.intersect(parent).files[0].max_open_files == DEFAULT_MAX_OPEN_FILES
    with pytest.raises(pc.PolicyError, match=r"max_open_files"):
        parent.narrow(files=[FileRoot(inner, "/", True, 10, DEFAULT_MAX_OPEN_FILES * 2)])
    read_only = DEFAULT.with_files(tmp_path)
    assert "files[0].write" in parent.widenings(read_only)


def test_narrow_keeps_grants_and_refuses_to_widen() -> None:
    narrow = DEFAULT.narrow(modules=["math", "json"], time=1.0, deny_builtins=["print"])
    assert [g.name for g in narrow.modules] == ["math", "json"]
    assert narrow.module("math") == DEFAULT.module("math")  # a bare name keeps the grant
    assert narrow.limits.time == 1.0 and "print" in narrow.deny_builtins
    assert narrow <= DEFAULT
    narrower = DEFAULT.narrow(modules={"math": ["sqrt"]})
    assert narrower.module("math") == ModuleGrant("math", frozenset({"sqrt"}))
    with pytest.raises(pc.PolicyError, match=r"limits\.time"):
        DEFAULT.narrow(time=None)
    with pytest.raises(pc.PolicyError, match=r"limits\.steps"):
        DEFAULT.narrow(steps=10**12)
    with pytest.raises(pc.PolicyError, match=r"modules\.socket"):
        DEFAULT.narrow(modules=["math", "socket"])
    with pytest.raises(pc.PolicyError, match="string"):
        DEFAULT.narrow(modules="math")
    with pytest.raises(pc.PolicyError, match="unknown limit"):
        DEFAULT.narrow(bogus=1)


def test_read_only_drops_writes(tmp_path: Path) -> None:
    policy = DEFAULT.with_files(tmp_path, write=True)
    assert policy.narrow(read_only=True).files[0].write is False


# -- sub-cells made by the supervisor ---------------------------------------------------------
def test_subcell_gets_the_narrowed_policy() -> None:
    parent = pc.Cell(DEFAULT)
    child = parent.subcell(modules=["math"], steps=1000)
    assert child.parent is parent and child.policy <= parent.policy
    child.exec("import math\nr = math.sqrt(9)")
    assert child.namespace["r"] == 3.0
    with pytest.raises(pc.ImportDenied):
        child.exec("import json")
    with pytest.raises(pc.PolicyError, match="would widen"):
        parent.subcell(DEFAULT.with_limits(steps=None))


def test_a_child_charges_its_parents_lifetime() -> None:
    parent = pc.Cell(DEFAULT, lifetime=pc.Limits(steps=250_000))
    child = parent.subcell(steps=200_000)
    loop = "for i in range(100_000): pass"
    child.exec(loop)
    child.exec(loop)
    with pytest.raises(pc.StepLimitExceeded, match="sub-cells"):
        child.exec(loop)


def test_a_child_charges_its_parents_output() -> None:
    parent = pc.Cell(DEFAULT.with_limits(output=100), lifetime=pc.Limits(output=150))
    child = parent.subcell(output=100)
    child.exec("print('x' * 79)")
    with pytest.raises(pc.OutputLimitExceeded):
        child.exec("print('y' * 79)")  # 160 characters in all: over the parent's lifetime
    assert child.output == "x" * 79 + "\n"


def test_objects_handed_down_keep_their_restrictions() -> None:
    parent = pc.Cell(DEFAULT)
    parent.exec("class Box:\n    def __init__(self):\n        self.v = 1\n        self._hidden = 2\n"
                "box = Box()")
    child = parent.subcell(globals={"box": parent.namespace["box"]})
    child.exec("r = box.v")
    assert child.namespace["r"] == 1
    for source in ("box.v = 5", "box._hidden", "setattr(box, 'v', 5)", "del box.v",
                   "vars(box)"):
        with pytest.raises((AttributeError, TypeError)):
            child.exec(source)
    assert parent.namespace["box"].v == 1


# -- sub-cells made by untrusted code ----------------------------------------------------------
def test_untrusted_code_needs_the_grant() -> None:
    with pytest.raises(pc.ImportDenied):
        pc.Cell(DEFAULT).exec("import paddedcell")
    with pytest.raises(pc.PolicyError, match="cannot be granted"):
        pc.Cell(DEFAULT.with_modules(ModuleGrant("paddedcell", None)))


def test_untrusted_code_makes_narrower_cells() -> None:
    cell = pc.Cell(NESTING)
    cell.exec("import paddedcell\ns = paddedcell.subcell(modules=['math'], steps=100_000)\n"
              "ns = s.exec('import math\\nx = math.sqrt(16)\\nprint(x)')\n"
              "r = (ns['x'], s.output, s.eval('x * 2'))")
    assert cell.namespace["r"] == (4.0, "4.0\n", 8.0)
    for source, error in [
        ("s.exec('import json')", ImportError),
        ("paddedcell.subcell(time=100)", pc.PolicyError),
        ("paddedcell.subcell(modules=['os'])", pc.PolicyError),
        ("paddedcell.subcell(files=['/'])", pc.PolicyError),  # no roots to keep
        ("paddedcell.subcell(policy=None)", TypeError),
        ("paddedcell.subcell(modules=[1])", TypeError),
    ]:
        with pytest.raises(error):
            cell.exec(source)


def test_a_sub_cells_limit_is_catchable_but_the_makers_is_not() -> None:
    cell = pc.Cell(NESTING.with_limits(steps=200_000))
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("import paddedcell\ns = paddedcell.subcell(steps=150_000)\ncaught = []\n"
                  "for i in range(3):\n"
                  "    try:\n        s.exec('for i in range(100_000): pass')\n"
                  "    except Exception as e:\n        caught.append(type(e).__name__)\n")
    assert cell.namespace["caught"] == []  # the second loop exhausted the maker itself
    cell = pc.Cell(NESTING)
    cell.exec("import paddedcell\ns = paddedcell.subcell(steps=1000)\n"
              "try:\n    s.exec('while True: pass')\nexcept Exception as e:\n"
              "    r = (type(e).__name__, e.kind)\n")
    assert cell.namespace["r"] == ("CellError", "StepLimitExceeded")


def test_the_handle_gives_no_way_to_the_cell() -> None:
    cell = pc.Cell(NESTING)
    cell.exec("import paddedcell\ns = paddedcell.subcell()")
    for source in ("s._cell", "vars(s)", "s.exec.__self__", "getattr(s, '__dict__')",
                   "type(s)().exec('1')", "s.__reduce_ex__(2)", "import copy\ncopy.copy(s)._x",
                   "s.namespace", "s.policy", "s.parent", "s.exec.__func__"):
        with pytest.raises((AttributeError, TypeError, pc.RestrictedSyntaxError)):
            cell.exec(source)
    cell.exec("import copy\nsame = copy.deepcopy(s) is s and copy.copy(s) is s")
    assert cell.namespace["same"] is True


def test_sub_cells_nest_and_never_widen() -> None:
    cell = pc.Cell(NESTING)
    cell.exec("import paddedcell\na = paddedcell.subcell(modules=['math', 'json'])\n"
              "ns = a.exec('import paddedcell\\nb = paddedcell.subcell(modules=[\"math\"])\\n"
              "r = b.eval(\"1 + 1\")')\nr = ns['r']")
    assert cell.namespace["r"] == 2
    with pytest.raises(pc.PolicyError):
        cell.exec("a.exec('import paddedcell\\npaddedcell.subcell(modules=[\"re\"])')")
    cell.exec("c = paddedcell.subcell(subcells=False)")
    with pytest.raises(pc.ImportDenied):
        cell.exec("c.exec('import paddedcell')")


def test_a_grandchild_spends_its_grandparents_steps() -> None:
    # Each level charged only the level above it: a cell ran unbounded work in a sub-cell's
    # sub-cell, paying a few steps per run of the middle cell.
    cell = pc.Cell(NESTING.with_limits(steps=100_000))
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("import paddedcell\ns = paddedcell.subcell()\n"
                  "s.exec('import paddedcell\\ng = paddedcell.subcell()')\n"
                  "for k in range(50):\n"
                  "    s.exec(\"g.exec('for i in range(90_000): pass')\")\n")


def test_host_callbacks_charge_the_makers_budget_for_its_sub_cells() -> None:
    # A function the host calls after the run: its sub-cell runs came out of nothing.
    cell = pc.Cell(NESTING.with_limits(steps=100_000))
    cell.exec("import paddedcell\ns = paddedcell.subcell()\n"
              "def f():\n    for k in range(50):\n"
              "        s.exec('for i in range(90_000): pass')\n")
    with pytest.raises(pc.StepLimitExceeded):
        cell.namespace["f"]()


def test_limits_are_plain_numbers() -> None:
    # NaN and int subclasses answer `>` as they like: narrow() took them as narrower (a
    # child with no time limit, or 10**12 steps, under a parent with 5 s and 5 * 10**7).
    for limits in ({"time": float("nan")}, {"steps": True}, {"time": _Big(1)}):
        with pytest.raises(pc.PolicyError):
            DEFAULT.narrow(**limits)
    cell = pc.Cell(NESTING)
    cell.exec("import paddedcell\nclass Big(int):\n    def __gt__(self, o): return False\n"
              "    def __lt__(self, o): return False\n")
    for limit in ("steps", "memory", "output", "recursion", "time"):
        with pytest.raises(pc.PolicyError):
            cell.exec(f"paddedcell.subcell({limit}=Big(10**12))")
        with pytest.raises(pc.PolicyError):
            cell.exec(f"paddedcell.subcell({limit}=float('nan'))")


class _Big(float):
    def __gt__(self, other: object) -> bool:
        return False


def test_flags_from_a_cell_are_bools_and_stdin_narrows() -> None:
    cell = pc.Cell(dataclasses.replace(NESTING, stdin=True), stdin=io.StringIO("line\n"))
    cell.exec("import paddedcell\nclass Flip:\n    def __bool__(self): return False\n")
    for source in ("paddedcell.subcell(stdin=Flip())", "paddedcell.subcell(subcells=1)",
                   "paddedcell.subcell(read_only=None)"):
        with pytest.raises(TypeError):
            cell.exec(source)
    # stdin=False narrows the policy (it used to become the child's input stream)
    with pytest.raises(pc.SecurityError):
        cell.exec("paddedcell.subcell(stdin=False).eval('input()')")
    cell.exec("r = paddedcell.subcell(stdin=True).eval('input()')")
    assert cell.namespace["r"] == "line"


def test_a_handle_is_found_by_identity_only() -> None:
    # The weak table compared keys with ==: an object with another handle's hash and an
    # __eq__ that says yes ran code in that sub-cell (another tenant's, in the same process).
    victim = pc.Cell(NESTING)
    victim.exec("import paddedcell\ns = paddedcell.subcell()\ns.exec('secret = 42')")
    attacker = pc.Cell(NESTING, globals={"H": hash(victim.namespace["s"])})
    attacker.exec("import paddedcell\nSubCell = type(paddedcell.subcell())\n"
                  "class Twin:\n    def __hash__(self): return H\n"
                  "    def __eq__(self, other): return True\n")
    for source in ("SubCell.eval(Twin(), 'secret')", "SubCell.exec(Twin(), 'x = 1')",
                   "SubCell.output.fget(Twin())"):
        with pytest.raises(pc.OperationDenied):
            attacker.exec(source)


# -- random policies ---------------------------------------------------------------------------
_MODULES = [g for g in DEFAULT.modules if g.name in ("math", "json", "re", "string", "random")]
_BUILTINS = ["print", "len", "sorted", "min", "max", "abs"]


def _policies(folders: list[str]) -> st.SearchStrategy[pc.Policy]:
    def grant(g: ModuleGrant) -> st.SearchStrategy[ModuleGrant]:
        names = sorted(g.attributes or ())[:12]
        return st.one_of(st.just(g), st.builds(
            lambda keep: ModuleGrant(g.name, frozenset(keep)),
            st.lists(st.sampled_from(names), max_size=6) if names else st.just([])))

    modules = st.lists(st.sampled_from(_MODULES), unique_by=lambda g: g.name).flatmap(
        lambda gs: st.tuples(*[grant(g) for g in gs]))
    limit = st.one_of(st.none(), st.integers(1, 10**6))
    limits = st.builds(lambda t, s, o, r: pc.Limits(time=t, steps=s, output=o, recursion=r),
                       st.one_of(st.none(), st.floats(0.1, 10.0)), limit, limit,
                       st.one_of(st.none(), st.integers(50, 400)))
    root = st.builds(FileRoot, st.sampled_from(folders), st.just("/"), st.booleans(),
                     st.one_of(st.none(), st.integers(0, 10**6)))
    return st.builds(
        lambda m, d, lim, f, i, c: dataclasses.replace(
            DEFAULT, modules=m, deny_builtins=frozenset(d), limits=lim,
            files=tuple(f[:1]), stdin=i, subcells=c),
        modules, st.lists(st.sampled_from(_BUILTINS), max_size=3), limits,
        st.lists(root, max_size=1), st.booleans(), st.booleans())


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    base = tmp_path_factory.mktemp("roots")
    (base / "a" / "b").mkdir(parents=True)
    (base / "c").mkdir()
    return [str(base), str(base / "a"), str(base / "a" / "b"), str(base / "c")]


def _what_a_cell_can_do(policy: pc.Policy) -> set[str]:
    """Behaviour, not fields: which imports, builtins and attributes work in a real cell.
    (Without its time limit: a random 0.1 s could run out on a busy machine, and time is no
    capability probed here.)"""
    cell = pc.Cell(policy.with_limits(time=None))
    can = set()
    for g in _MODULES:
        for attr in [None, *sorted(g.attributes or ())[:12]]:
            source = f"import {g.name}" + ("" if attr is None else f"\n{g.name}.{attr}")
            try:
                cell.exec(source)
            except (ImportError, AttributeError):
                continue
            can.add(f"{g.name}.{attr}")
    for name in _BUILTINS:
        try:
            cell.exec(name)
        except NameError:
            continue
        can.add(name)
    return can


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_children_never_exceed_their_parents(folders: list[str], data: st.DataObject) -> None:
    parent = data.draw(_policies(folders))
    request = data.draw(_policies(folders))
    meet = request.intersect(parent)
    assert meet <= parent and meet <= request
    cell = pc.Cell(parent)
    if request.widenings(parent):
        with pytest.raises(pc.PolicyError):
            cell.subcell(request)
        child_policy = meet
    else:
        child_policy = cell.subcell(request).policy
        assert child_policy <= parent
    assert _what_a_cell_can_do(child_policy) <= _what_a_cell_can_do(parent)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_order_is_a_preorder(folders: list[str], data: st.DataObject) -> None:
    a, b, c = (data.draw(_policies(folders)) for _ in range(3))
    assert a <= a
    if a <= b and b <= c:
        assert a <= c
    assert a.intersect(b) <= a and a.intersect(b) <= b
    assert a.intersect(a).widenings(a) == [] and a.widenings(a.intersect(a)) == []


def test_policy_errors_in_a_cell_name_no_policy_file(tmp_path: Path) -> None:
    """A policy loaded from a file carries its host path as `source`: the errors a cell can
    catch from paddedcell.subcell() must not show it."""
    (tmp_path / "root").mkdir()
    policy_file = tmp_path / "p.toml"
    policy_file.write_text('subcells = true\n[[files]]\nroot = "root"\n'
                           '[modules.os]\nattributes = "*"\n')
    cell = pc.Cell(pc.Policy.load(policy_file))
    cell.exec("import paddedcell\nshown = []\n"
              "for kw in ({'files': []}, {'modules': ['os', 'os']}):\n"
              "    try:\n        paddedcell.subcell(**kw)\n"
              "    except Exception as e:\n        shown.append(str(e))")
    shown = cell.namespace["shown"]
    assert len(shown) == 2 and all(str(tmp_path) not in s for s in shown), shown


def test_sub_cell_functions_charge_the_parents_current_run() -> None:
    # review i4-bastion, left open then: a sub-cell's function kept charging the parent run that
    # was active when the sub-cell last ran. A later parent run calling it paid nothing, so
    # twenty such functions did twenty times the parent's step limit in one run.
    policy = dataclasses.replace(pc.Policy.preset("default"), subcells=True).with_limits(
        steps=200_000, time=None)
    cell = pc.Cell(policy)
    cell.exec("import paddedcell\nfs = []\nfor i in range(10):\n"
              "    s = paddedcell.subcell(steps=190_000)\n"
              "    fs.append(s.exec('def f(n):\\n    for i in range(n): pass\\n')['f'])\n")
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("done = 0\nfor f in fs:\n    f(60_000)\n    done += 1\n")
    assert cell.namespace["done"] <= 3


def test_untrusted_code_keeps_a_bounded_number_of_sub_cells() -> None:
    # review rev-late: each budget a cell installs re-points its live sub-cells, host work
    # that no budget charges: thousands of kept sub-cells made every later run pay for them.
    from paddedcell.cell import MAX_LIVE_SUBCELLS

    policy = dataclasses.replace(pc.Policy.preset("default"), subcells=True)
    cell = pc.Cell(policy)
    cell.exec(f"import paddedcell\nkept = [paddedcell.subcell() for i in range({MAX_LIVE_SUBCELLS})]")
    with pytest.raises(pc.OperationDenied, match="at most"):
        cell.exec("paddedcell.subcell()")
    cell.exec("del kept\nagain = paddedcell.subcell()\nagain.exec('x = 1')")  # freed: allowed
