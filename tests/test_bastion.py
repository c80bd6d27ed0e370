"""Bastion proxies: a cell calls what the filter passes and never reaches the wrapped object.

Every escape row runs in a real cell and then checks the supervisor's object: its secret is
unread, `drop_all` never ran, its containers are unchanged, and nothing the cell bound leads
to it.
"""

from __future__ import annotations

import copy
import gc
import pickle
import types
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import paddedcell as pc
from paddedcell.bastion import Bastion as OldBastion
from paddedcell.bastion import BastionClass

SECRET = "s3cr3t-VAULT-KEY"


class Custom(Exception):
    """A supervisor exception class that is not builtin."""


class Vault:
    """The supervisor object behind the proxies."""

    def __init__(self) -> None:
        self._secret = SECRET
        self.dropped = False
        self.repr_called = False
        self.label = "main"
        self.config = {"limits": [1, 2], "tags": {"a"}}
        self.rows = [[1, 2], [3]]
        self.child = Child(self)

    def balance(self) -> int:
        return 42

    def get_rows(self) -> list[list[int]]:
        return self.rows

    def get_config(self) -> dict[str, Any]:
        return self.config

    def open_child(self) -> Child:
        return self.child

    def echo(self, value: Any) -> Any:
        return value

    def is_child(self, value: Any) -> bool:
        return value is self.child

    def drop_all(self) -> None:
        self.dropped = True

    def fail_key(self) -> None:
        raise KeyError(self, "missing")

    def fail_custom(self) -> None:
        raise Custom("custom failure", self)

    def fail_chained(self) -> None:
        try:
            raise ValueError(self)
        except ValueError as exc:
            raise LookupError("chained") from exc

    def deep(self) -> list[Any]:
        nested: list[Any] = []
        for _ in range(100):
            nested = [nested]
        return nested

    def __repr__(self) -> str:
        self.repr_called = True
        return f"Vault({self._secret})"


class Child:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.name = "child"

    def balance(self) -> int:
        return 7

    def parent(self) -> Vault:
        return self._vault


METHODS = ["balance", "get_rows", "get_config", "open_child", "echo", "is_child", "fail_key",
           "fail_custom", "fail_chained", "deep"]


@pytest.fixture
def vault() -> Vault:
    return Vault()


def proxy_for(vault: Vault) -> pc.Bastion:
    return pc.expose(vault, methods=METHODS, attributes=["label", "config", "child"])


def run(source: str, **globals: Any) -> pc.Cell:
    cell = pc.Cell(pc.Policy.preset("default"), globals=globals)
    cell.exec(source)
    return cell


def reaches(root: Any, target: Any, limit: int = 20000) -> bool:
    """True if `target` is reachable from `root` through referents (the host's view: frames,
    closures, tracebacks, exception chains, containers). Stops at modules, classes and function
    globals, which are shared with everything."""
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) < limit:
        obj = stack.pop()
        if obj is target:
            return True
        if id(obj) in seen or isinstance(obj, (types.ModuleType, type)):
            continue
        seen.add(id(obj))
        if isinstance(obj, types.FunctionType):
            # Not its globals: a module's globals lead to everything the host has (for the
            # proxy's functions, to `_ENTRIES`); the cell cannot read `__globals__`.
            stack.extend(c.cell_contents for c in obj.__closure__ or ())
            stack.extend([obj.__defaults__, obj.__kwdefaults__])
            continue
        if isinstance(obj, dict) and "__builtins__" in obj:
            stack.extend(v for k, v in obj.items() if not k.startswith((".", "__")))
            continue
        if isinstance(obj, pc.Bastion):
            continue  # what a proxy reaches is the point of these tests, not a leak by itself
        if not isinstance(obj, types.FrameType):
            stack.extend(gc.get_referents(obj))
        if isinstance(obj, BaseException):
            stack.extend([obj.__traceback__, obj.__context__, obj.__cause__, *obj.args])
        if isinstance(obj, types.TracebackType):
            stack.extend([obj.tb_frame, obj.tb_next])
        if isinstance(obj, types.FrameType):
            # Only the cell's and paddedcell's frames: a traceback the host receives goes on
            # through the test's own frames, which hold the vault.
            if obj.f_code.co_filename == "<cell>" or "paddedcell" in obj.f_code.co_filename:
                stack.extend(obj.f_locals.values())
            continue
    return False


def assert_untouched(vault: Vault, cell: pc.Cell | None = None) -> None:
    assert vault.dropped is False
    assert vault._secret == SECRET
    assert vault.rows == [[1, 2], [3]]
    assert vault.config == {"limits": [1, 2], "tags": {"a"}}
    assert vault.repr_called is False
    if cell is not None:
        assert "ESCAPED" not in cell.namespace
        assert SECRET not in cell.output
        user = {k: v for k, v in cell.namespace.items() if not k.startswith((".", "__"))}
        assert not reaches(user, vault), "a cell name leads to the supervisor's object"


# -- unwrapping attempts: (source, exception, rule) --------------------------------------------

ESCAPES = [
    ("ESCAPED = p._secret", pc.AttributeDenied, "PC202"),
    ("ESCAPED = getattr(p, '_secret')", pc.AttributeDenied, "PC202"),
    ("ESCAPED = getattr(p, '_' + 'secret', None)", pc.AttributeDenied, "PC202"),
    ("ESCAPED = getattr(p, '__dict__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p, '__weakref__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = '{0._secret}'.format(p)", pc.AttributeDenied, "PC202"),
    ("ESCAPED = '{0.drop_all}'.format(p)", pc.AttributeDenied, "PC201"),
    ("ESCAPED = '{0.child._vault}'.format(p)", pc.AttributeDenied, "PC202"),
    ("ESCAPED = '{x.balance.__self__}'.format_map({'x': p})", pc.AttributeDenied, "PC201"),
    ("p.drop_all()", pc.AttributeDenied, "PC201"),
    ("getattr(p, 'drop_' + 'all')()", pc.AttributeDenied, "PC201"),
    ("ESCAPED = p.dropped", pc.AttributeDenied, "PC201"),
    ("ESCAPED = vars(p)", pc.OperationDenied, "PC205"),
    ("ESCAPED = type(p)", pc.AttributeDenied, "PC202"),
    ("ESCAPED = type(p)(p, lambda name: True).drop_all", pc.AttributeDenied, "PC202"),
    ("ESCAPED = p.__class__", pc.AttributeDenied, "PC202"),
    ("ESCAPED = getattr(p, '__class__')", pc.AttributeDenied, "PC202"),
    ("import copy\nESCAPED = copy.deepcopy(p)._secret", pc.AttributeDenied, "PC202"),
    ("import copy\nESCAPED = copy.copy(p).drop_all", pc.AttributeDenied, "PC201"),
    ("import copy\nm = copy.deepcopy(p.balance)\nm2 = copy.copy(p.get_rows)", None, None),
    ("ESCAPED = getattr(p, '__reduce_ex__')(2)", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p, '__reduce__')()", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p.balance, '__self__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p.balance, '__func__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p.balance, '__wrapped__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p.balance, '__closure__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = getattr(p.balance, '__globals__')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = super(object, p).balance", AttributeError, None),
    ("ESCAPED = getattr(object, '__getattribute__')(p, '_secret')", pc.AttributeDenied, "PC201"),
    ("ESCAPED = p.child._vault", pc.AttributeDenied, "PC202"),
    ("ESCAPED = p.child.parent", pc.AttributeDenied, "PC201"),
    ("p.label = 'x'", pc.AttributeDenied, "PC203"),
    ("setattr(p, 'label', 'x')", pc.AttributeDenied, "PC203"),
    ("del p.label", pc.AttributeDenied, "PC203"),
    ("ESCAPED = p()", pc.OperationDenied, "PC205"),
    ("ESCAPED = p.balance.x", AttributeError, None),
    ("import functools\nESCAPED = functools.reduce(getattr, ['_secret'], p)", pc.AttributeDenied,
     "PC202"),
    ("class Sub(object):\n    pass\nSub.f = p.balance\nESCAPED = Sub().f()", TypeError, None),
]


@pytest.mark.parametrize(("source", "error", "rule"), ESCAPES, ids=[s for s, _, _ in ESCAPES])
def test_unwrapping_attempt_fails(vault: Vault, source: str, error: type[BaseException] | None,
                                  rule: str | None) -> None:
    p = proxy_for(vault)
    cell = pc.Cell(pc.Policy.preset("default"), globals={"p": p})
    if error is None:
        cell.exec(source)  # allowed, but what it binds must not lead to the vault
    else:
        with pytest.raises(error) as info:
            cell.exec(source)
        if rule is not None:
            assert getattr(info.value, "rule", None) == rule
        assert not reaches(info.value, vault)
    assert_untouched(vault, cell)


STATIC = [
    "ESCAPED = p.balance.__self__",
    "ESCAPED = p.balance.__closure__[0].cell_contents",
    "ESCAPED = object.__getattribute__(p, '_secret')",
    "ESCAPED = p.__reduce_ex__(2)",
    "ESCAPED = p.balance.__globals__",
]


@pytest.mark.parametrize("source", STATIC)
def test_dunder_routes_are_rejected_before_running(vault: Vault, source: str) -> None:
    cell = pc.Cell(globals={"p": proxy_for(vault)})
    with pytest.raises(pc.RestrictedSyntaxError):
        cell.exec(source)
    assert_untouched(vault, cell)


# -- the host's view of the proxy ----------------------------------------------------------------

def test_the_proxy_holds_no_reference_to_its_target(vault: Vault) -> None:
    p = proxy_for(vault)
    assert vault not in gc.get_referents(p)
    with pytest.raises(AttributeError):
        object.__getattribute__(p, "__dict__")
    ref = object.__getattribute__(p, "__weakref__")  # the one slot: a weakref to the proxy
    assert ref is None or ref() is p
    assert not reaches(p.balance, vault)
    method = p.balance
    assert type(method) is types.FunctionType
    for attr in ("__self__", "__func__", "__wrapped__"):
        assert not hasattr(method, attr)
    assert not reaches([c.cell_contents for c in method.__closure__ or ()], vault)


def test_repr_never_calls_the_target_repr(vault: Vault) -> None:
    p = proxy_for(vault)
    assert repr(p) == "<Bastion for Vault>"
    assert repr(pc.Bastion(vault, lambda n: True, name="db")) == "<Bastion for db>"
    cell = run("print(p, repr(p), f'{p!r}', '%s' % (p,), [p])", p=p)
    assert cell.output.count("<Bastion for Vault>") == 5
    assert_untouched(vault, cell)


def test_host_side_copy_pickle_and_writes(vault: Vault) -> None:
    p = proxy_for(vault)
    assert copy.copy(p) is p and copy.deepcopy(p) is p
    assert copy.deepcopy([p])[0] is p
    with pytest.raises(TypeError, match="cannot pickle"):
        pickle.dumps(p)
    with pytest.raises(pc.AttributeDenied):
        p.label = "x"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        object.__setattr__(p, "x", 1)  # no __dict__, no slot but __weakref__
    with pytest.raises(TypeError):
        type("Sub", (pc.Bastion,), {})
    assert_untouched(vault)


def test_dir_lists_only_what_the_filter_passes(vault: Vault) -> None:
    p = proxy_for(vault)
    cell = run("names = dir(p)", p=p)
    assert cell.namespace["names"] == sorted([*METHODS, "label", "config", "child"])
    wide = pc.Bastion(vault, lambda n: True)
    assert all(not n.startswith("_") for n in dir(wide))


def test_proxy_is_not_owned_by_the_cell(vault: Vault) -> None:
    cell = pc.Cell(globals={"p": proxy_for(vault)})
    assert not cell.guards.owns(cell.namespace["p"])
    assert not cell.guards.owns(cell.namespace["p"].balance)


# -- allowed use ------------------------------------------------------------------------------

def test_allowed_calls_and_attributes(vault: Vault) -> None:
    cell = run("b = p.balance()\nlabel = p.label\nm = p.balance\nb2 = m()\nname = m.__name__", p=proxy_for(vault))
    ns = cell.namespace
    assert (ns["b"], ns["label"], ns["b2"], ns["name"]) == (42, "main", 42, "balance")
    assert_untouched(vault, cell)


def test_returned_containers_are_copies(vault: Vault) -> None:
    source = (
        "rows = p.get_rows()\nrows[0].append(99)\nrows.append([7])\n"
        "cfg = p.get_config()\ncfg['limits'].append(3)\ncfg['tags'].add('b')\ncfg['new'] = 1\n"
        "attr = p.config\nattr['limits'].clear()\n"
    )
    cell = run(source, p=proxy_for(vault))
    assert cell.namespace["rows"] == [[1, 2, 99], [3], [7]]
    assert cell.namespace["cfg"] == {"limits": [1, 2, 3], "tags": {"a", "b"}, "new": 1}
    assert_untouched(vault, cell)


def test_exact_types_only_subclasses_are_wrapped(vault: Vault) -> None:
    class Text(str):
        pass
    vault.label = Text("main")  # type: ignore[assignment]
    cell = run("v = p.label\nkind = repr(v)", p=proxy_for(vault))
    assert type(cell.namespace["v"]) is pc.Bastion
    assert cell.namespace["kind"].endswith(".Text>")


def test_deep_results_are_refused(vault: Vault) -> None:
    with pytest.raises(ValueError, match="nested deeper"):
        run("p.deep()", p=proxy_for(vault))


def test_other_objects_come_back_wrapped_with_the_same_filter(vault: Vault) -> None:
    source = ("c = p.open_child()\nb = c.balance()\nc2 = p.child\n"
              "try:\n    c.parent\nexcept AttributeError as e:\n    denied = str(e)\n")
    cell = run(source, p=proxy_for(vault))
    ns = cell.namespace
    assert type(ns["c"]) is pc.Bastion and type(ns["c2"]) is pc.Bastion
    assert ns["b"] == 7
    assert "not allowed" in ns["denied"]  # 'parent' is not among the vault's names
    assert_untouched(vault, cell)


def test_handles_round_trip(vault: Vault) -> None:
    source = "c = p.open_child()\nsame = p.echo(c) is c\nhit = p.is_child(c)\nmiss = p.is_child(p)\n"
    cell = run(source, p=proxy_for(vault))
    assert cell.namespace["same"] is True
    assert cell.namespace["hit"] is True
    assert cell.namespace["miss"] is False
    assert_untouched(vault, cell)


def test_a_proxy_the_supervisor_returns_passes_as_it_is(vault: Vault) -> None:
    inner = pc.expose(vault.child, methods=["parent"])

    class Shop:
        def handle(self) -> pc.Bastion:
            return inner
    cell = run("h = shop.handle()", shop=pc.expose(Shop(), methods=["handle"]))
    assert cell.namespace["h"] is inner


def test_calling_the_proxy_needs_the_filter_to_pass_call() -> None:
    calls: list[int] = []

    def target(x: int) -> int:
        calls.append(x)
        return x * 2
    denied = pc.Bastion(target, lambda n: n != "__call__")
    with pytest.raises(pc.OperationDenied):
        run("denied(1)", denied=denied)
    allowed = pc.Bastion(target, lambda n: n == "__call__")
    assert run("r = allowed(21)", allowed=allowed).namespace["r"] == 42
    assert calls == [21]


def test_filter_never_sees_private_names(vault: Vault) -> None:
    asked: list[str] = []

    def everything(name: str) -> bool:
        asked.append(name)
        return True
    p = pc.Bastion(vault, everything)
    for source in ("p._secret", "getattr(p, '__dict__')", "p.__class__"):
        with pytest.raises(pc.AttributeDenied):
            run(source, p=p)
    assert asked == []
    assert_untouched(vault)


# -- the way in: what the cell passes to the supervisor's methods --------------------------------

class Item:
    def __init__(self, n: int) -> None:
        self.n = n
        self.dropped = False

    def name(self) -> str:
        return f"item{self.n}"

    def drop_all(self) -> None:
        self.dropped = True


class Shelf:
    """Supervisor methods that call what the cell passes with their own objects."""

    def __init__(self) -> None:
        self.items = [Item(1), Item(2)]

    def find(self, pred: Any) -> list[str]:
        return [i.name() for i in self.items if pred(i)]

    def sort(self, key: Any) -> list[Item]:
        return sorted(self.items, key=key)

    def index(self, x: Any) -> int:
        return self.items.index(x)

    def fill(self, out: list[Any]) -> int:
        out.extend(self.items)
        return len(out)

    def visit(self, visitor: Any) -> Any:
        return visitor.visit(self.items[0])

    def combine(self, other: Any) -> Any:
        return self.items[0] + other

    def apply(self, f: Any) -> Any:
        return f(self)


SHELF_METHODS = ["find", "sort", "index", "fill", "visit", "combine", "apply"]

# (source, exception or None): each tries to get a raw Item (or the Shelf) into the cell.
CALLBACK_ESCAPES = [
    ("LEAK = []\np.find(lambda i: LEAK.append(i))\nLEAK[0].drop_all()", None),
    ("LEAK = []\np.find(LEAK.append)\nLEAK[0].drop_all()", None),
    ("LEAK = []\np.sort(lambda i: LEAK.append(i) or 0)\nLEAK[0].drop_all()", None),
    ("LEAK = []\np.apply(lambda s: LEAK.append(s))\nLEAK[0].items[0].drop_all()", None),
    ("class K:\n    def __call__(self, i):\n        i.drop_all()\np.find(K())", None),
    ("LEAK = []\np.fill(LEAK)\nLEAK[0].drop_all()", IndexError),  # a copy was filled
    ("LEAK = []\nclass E:\n    def __eq__(self, o):\n        o.drop_all()\n        return False\n"
     "    __hash__ = None\np.index(E())", TypeError),
    ("class V:\n    def visit(self, o):\n        o.drop_all()\np.visit(V())", TypeError),
    ("class R:\n    def __radd__(self, o):\n        o.drop_all()\np.combine(R())", TypeError),
    ("p.find([lambda i: i.drop_all()][0])\np.sort(key={'k': lambda i: i.drop_all()}['k'])", None),
]


@pytest.mark.parametrize(("source", "error"), CALLBACK_ESCAPES,
                         ids=[s for s, _ in CALLBACK_ESCAPES])
def test_callbacks_and_cell_objects_never_receive_supervisor_objects(
        source: str, error: type[BaseException] | None) -> None:
    shelf = Shelf()
    p = pc.expose(shelf, methods=SHELF_METHODS)
    cell = pc.Cell(pc.Policy.preset("default"), globals={"p": p})
    if error is None:
        with pytest.raises(pc.AttributeDenied, match="not allowed by the Bastion"):
            cell.exec(source)
    else:
        with pytest.raises(error):
            cell.exec(source)
    assert not any(i.dropped for i in shelf.items)
    user = {k: v for k, v in cell.namespace.items() if not k.startswith((".", "__"))}
    for target in (shelf, *shelf.items):
        assert not reaches(user, target), "a cell name leads to a supervisor object"


def test_callbacks_work_through_the_proxy() -> None:
    shelf = Shelf()
    p = pc.expose(shelf, methods=SHELF_METHODS)
    source = ("names = p.find(lambda i: True)\nout = []\nn = p.fill(out)\n"
              "shelf = p.apply(lambda s: repr(s))\nkinds = p.find(lambda i: repr(i) == '<Bastion for Item>')\n")
    cell = run(source, p=p)
    ns = cell.namespace
    assert ns["names"] == ns["kinds"] == ["item1", "item2"]  # the callback saw proxies
    assert ns["n"] == 2 and ns["out"] == []  # the supervisor filled a copy of the cell's list
    assert ns["shelf"] == "<Bastion for Shelf>"
    assert not any(i.dropped for i in shelf.items)


def test_a_callable_handed_back_comes_back_wrapped(vault: Vault) -> None:
    # A supervisor object shared by two cells must not hand one cell's function to the other.
    first = run("def f():\n    ESCAPED = 1\np.echo(f)", p=proxy_for(vault))
    stored = {}

    class Keeper:
        def keep(self, f: Any) -> None:
            stored["f"] = f

        def give(self) -> Any:
            return stored["f"]
    keeper = pc.expose(Keeper(), methods=["keep", "give"])
    run("def mine():\n    return 1\nk.keep(mine)", k=keeper)
    second = run("g = k.give()\nkind = repr(g)", k=keeper)
    assert type(second.namespace["g"]) is pc.Bastion
    assert second.namespace["kind"] == "<Bastion for function>"
    with pytest.raises(pc.OperationDenied):
        second.exec("g()")
    assert_untouched(vault, first)


# -- exceptions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "caught", "kind"), [
    ("fail_key", KeyError, KeyError),
    ("fail_custom", RuntimeError, pc.BastionError),
    ("fail_chained", LookupError, LookupError),
])
def test_exceptions_are_sanitized(vault: Vault, method: str, caught: type[BaseException],
                                  kind: type[BaseException]) -> None:
    source = f"try:\n    p.{method}()\nexcept {caught.__name__} as e:\n    E = e\n"
    cell = run(source, p=proxy_for(vault))
    exc = cell.namespace["E"]
    assert type(exc) is kind
    assert exc.__context__ is None and exc.__cause__ is None
    assert not reaches(exc, vault)
    assert SECRET not in str(exc)
    assert_untouched(vault, cell)


def test_custom_exception_names_its_class(vault: Vault) -> None:
    cell = run("try:\n    p.fail_custom()\nexcept RuntimeError as e:\n    E = e\n", p=proxy_for(vault))
    exc = cell.namespace["E"]
    assert exc.kind == "Custom"
    assert "custom failure" in str(exc) and "<Vault object>" in str(exc)


def test_bastion_error_from_a_nested_proxy_keeps_its_kind(vault: Vault) -> None:
    inner = proxy_for(vault)

    class Front:
        def go(self) -> None:
            inner.fail_custom()
    cell = run("try:\n    f.go()\nexcept RuntimeError as e:\n    E = e\n",
               f=pc.expose(Front(), methods=["go"]))
    exc = cell.namespace["E"]
    assert type(exc) is pc.BastionError and exc.kind == "Custom"
    assert not reaches(exc, vault)


def test_missing_attribute_error_carries_no_target() -> None:
    class Thing:
        pass
    thing = Thing()
    cell = run("try:\n    p.nothing\nexcept AttributeError as e:\n    E = e\n",
               p=pc.Bastion(thing, lambda n: True))
    assert type(cell.namespace["E"]) is AttributeError
    assert not reaches(cell.namespace["E"], thing)


def test_budget_exhaustion_passes_through() -> None:
    class Slow:
        def spin(self, cell_fn: Any) -> None:
            while True:
                cell_fn()
    policy = pc.Policy.preset("default").with_limits(steps=1000)
    cell = pc.Cell(policy, globals={"s": pc.expose(Slow(), methods=["spin"])})
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("def f():\n    pass\ns.spin(f)\n")


# -- composition --------------------------------------------------------------------------------

def test_composition_narrows(vault: Vault) -> None:
    inner = pc.Bastion(vault, lambda n: n in {"balance", "echo", "open_child"})
    outer = pc.Bastion(inner, lambda n: n in {"balance", "drop_all", "open_child"})
    assert run("b = outer.balance()", outer=outer).namespace["b"] == 42
    for source in ("outer.echo(1)", "outer.drop_all()", "outer.open_child().echo(1)"):
        with pytest.raises(pc.AttributeDenied):
            run(source, outer=outer)
    assert_untouched(vault)


def test_composition_narrows_a_proxy_the_supervisor_returns(vault: Vault) -> None:
    handout = pc.expose(vault.child, methods=["balance", "parent"])

    class Shop:
        def handle(self) -> pc.Bastion:
            return handout
    outer = pc.Bastion(pc.expose(Shop(), methods=["handle"]), lambda n: n in {"handle", "balance"})
    cell = run("h = outer.handle()\nb = h.balance()", outer=outer)
    assert cell.namespace["b"] == 7
    with pytest.raises(pc.AttributeDenied):
        run("outer.handle().parent()", outer=outer)


def test_a_proxy_passed_between_cells_gives_no_more(vault: Vault) -> None:
    first = run("q = p\nb = q.balance()", p=proxy_for(vault))
    second = pc.Cell(pc.Policy.preset("minimal"), globals={"q": first.namespace["q"]})
    assert second.eval("q.balance()") == 42
    for source in ("q.drop_all()", "q._secret", "getattr(q, '__dict__')"):
        with pytest.raises(pc.AttributeDenied):
            second.exec(source)
    assert_untouched(vault, second)


NAMES = st.sampled_from(["balance", "echo", "open_child", "label", "drop_all", "rows", "_secret",
                         "__dict__", "__class__", "get_rows", "config", "missing"])


@settings(max_examples=60, deadline=None)
@given(f1=st.frozensets(NAMES), f2=st.frozensets(NAMES), probe=st.lists(NAMES, max_size=12))
def test_composed_proxies_read_a_subset_of_both_filters(f1: frozenset[str], f2: frozenset[str],
                                                        probe: list[str]) -> None:
    vault = Vault()
    p = pc.Bastion(pc.Bastion(vault, f1.__contains__), f2.__contains__)
    readable = set()
    for name in probe:
        try:
            getattr(p, name)
        except AttributeError:
            continue
        readable.add(name)
    assert readable <= f1 & f2
    assert not any(n.startswith("_") for n in readable)
    assert set(dir(p)) <= f1 & f2
    assert_untouched(vault)


# -- expose -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("methods", "attributes", "error"), [
    (["_secret"], [], ValueError),
    ([], ["__dict__"], ValueError),
    (["not an identifier"], [], ValueError),
    ([1], [], TypeError),
    (["label"], [], TypeError),  # data listed as a method
    ([], ["balance"], TypeError),  # a method listed as data
    ("balance", [], TypeError),  # a str, not a list of names
    (["missing"], [], AttributeError),
])
def test_expose_validates_at_build_time(vault: Vault, methods: Any, attributes: Any,
                                        error: type[Exception]) -> None:
    with pytest.raises(error):
        pc.expose(vault, methods=methods, attributes=attributes)


def test_bastion_validates_its_arguments(vault: Vault) -> None:
    with pytest.raises(TypeError):
        pc.Bastion(vault, "balance")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pc.Bastion(vault, lambda n: True, name=3)  # type: ignore[arg-type]


# -- the Python 2 API ------------------------------------------------------------------------

def test_old_api_gives_methods_only(vault: Vault) -> None:
    b = OldBastion(vault)
    cell = run("x = b.balance()\nr = repr(b)", b=b)
    assert cell.namespace["x"] == 42
    assert cell.namespace["r"] == "<Bastion for Vault>"
    for source in ("b.label", "b._secret", "b()"):
        with pytest.raises((AttributeError, TypeError)):
            run(source, b=b)
    b.drop_all()  # the default filter passes every public method, as in Python 2
    assert vault.dropped is True


def test_old_api_filter_and_bastionclass(vault: Vault) -> None:
    b = OldBastion(vault, filter=lambda n: n == "balance", name="v", bastionclass=BastionClass)
    assert type(b) is BastionClass
    assert repr(b) == "<Bastion for v>"
    cell = run("x = b.balance()", b=b)
    assert cell.namespace["x"] == 42
    for source in ("b.drop_all()", "b._get_", "b._secret"):
        with pytest.raises(AttributeError):
            run(source, b=b)
    with pytest.raises(AttributeError):
        b._secret  # the host side too: get() reads through the proxy
    assert_untouched(vault)
