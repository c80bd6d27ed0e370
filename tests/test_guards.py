"""Runtime guards: the builtins and the rewritten sites apply the same attribute rules."""

from __future__ import annotations

import pytest

import paddedcell as pc


def run(source: str) -> pc.Cell:
    cell = pc.Cell()
    cell.exec(source)
    return cell


@pytest.mark.parametrize(("source", "exc"), [
    # computed names: same rules as the syntax
    ("getattr((), '__cl' + 'ass__').__name__", None),
    ("getattr(tuple, '__ba' + 'se__')", pc.AttributeDenied),
    ("def f(): pass\ngetattr(f, '__glo' + 'bals__')", pc.AttributeDenied),
    ("def f(): yield\ngetattr(f(), 'gi_' + 'frame')", pc.AttributeDenied),
    ("getattr(1, '__dict__', None)", pc.AttributeDenied),
    ("getattr(1, 'not an identifier')", pc.AttributeDenied),
    ("getattr(1, '\\uff52eal')", pc.AttributeDenied),  # NFKC changes it
    # str subclasses cannot lie about the name (RestrictedPython PR #282)
    ("class S(str):\n    def startswith(self, p): return False\ngetattr(1, S('__class__'))", TypeError),
    ("getattr(1, 5)", TypeError),
    ("class S(str): pass\nsetattr(object(), S('x'), 1)", TypeError),
    # writes only to owned objects, never dunders
    ("import math\nsetattr(math, 'pi', 4)", pc.AttributeDenied),
    ("class A: pass\nsetattr(A, '__repr__', lambda s: 'x')", pc.AttributeDenied),
    ("class A: pass\na = A()\nsetattr(a, 'x', 1)\ndelattr(a, 'x')", None),
    ("delattr(len, 'x')", pc.AttributeDenied),
    ("(1).real = 2", pc.AttributeDenied),
    ("def f(): pass\nf.tag = 1\nf._p = 2", None),
    ("class A: pass\nA.count = 1\nA.count += 1", None),
    # private attributes only on owned objects
    ("import random\nrandom._os", pc.AttributeDenied),
    ("import json\ngetattr(json, '_default_encoder')", pc.AttributeDenied),
    ("class A:\n    _k = 1\nA._k\nA()._k", None),
    ("class A:\n    def _m(self): return 1\nclass B(A):\n    def m(self): return super()._m()\nB().m()", None),
    # __init__ of objects the cell does not own is a write
    ("import fractions\nf = fractions.Fraction(1, 2)\nf.__init__()", pc.AttributeDenied),
    ("class E(Exception):\n    def __init__(s):\n        Exception.__init__(s, 'm')\nE()", None),
    # exceptions are not a channel (CVE-2024-47532)
    ("try:\n    (1).nope\nexcept AttributeError as e:\n    e.obj", pc.AttributeDenied),
    ("try:\n    (1).nope\nexcept AttributeError as e:\n    getattr(e, 'obj')", pc.AttributeDenied),
    ("try:\n    (1).nope\nexcept AttributeError as e:\n    '{0.obj}'.format(e)", pc.AttributeDenied),
    ("class Box:\n    def __init__(s): s.obj = 1\nBox().obj", None),
    # namespace readers need an argument
    ("vars()", pc.OperationDenied),
    ("dir()", pc.OperationDenied),
    ("vars(1)", pc.OperationDenied),
    ("class A:\n    pass\nvars(A())", None),
    # type(): metaclasses are never handed out
    ("type(type(1))('X', (), {'__del__': print})", pc.OperationDenied),
    ("type('X', (), {'__getattribute__': print})", pc.OperationDenied),
    ("type('X', (type,), {})", pc.OperationDenied),
    ("type('X', (), {'a b': 1})", pc.OperationDenied),
    ("class M(type): pass", pc.OperationDenied),
    ("class Q(SystemExit): pass", pc.OperationDenied),
    ("class Q(BaseException): pass", pc.OperationDenied),
    ("import re\nclass F(re.RegexFlag): pass", TypeError),  # enum refuses: members exist
    ("class A:\n    __match_args__ = ('__class__',)", pc.OperationDenied),
    ("class A:\n    __slots__ = ('__dict__',)", pc.OperationDenied),
    ("class A:\n    __slots__ = '__weakref__'", pc.OperationDenied),
    # format strings (CVE-2023-41039 family)
    ("'{0.__class__.__base__}'.format(1)", pc.AttributeDenied),
    ("'{0:{1.__class__.__mro__}}'.format(1, 2)", pc.AttributeDenied),
    ("str.format('{0.__globals__}', print)", pc.AttributeDenied),
    ("'{x.__init__.__globals__}'.format_map({'x': print})", pc.AttributeDenied),
    ("getattr('{0.__class__.__base__}', 'format')(1)", pc.AttributeDenied),
    ("class S(str): pass\nsuper(S, S('{0._p}')).format(len)", pc.AttributeDenied),
    ("f = '{0._secret}'.format\nimport random\nf(random)", pc.AttributeDenied),
    ("class A:\n    _s = 'ok'\n'{0._s}'.format(A())", None),
    # ABC registration would change the ABC for the host
    ("import collections.abc as c\nclass X: pass\nc.Sequence.register(X)", pc.AttributeDenied),
    ("import collections.abc as c\nclass S(c.Sized):\n    def __len__(s): return 0\nclass X: pass\nS.register(X)", None),
    # ... also through a typing alias, which forwards `register` to the library ABC
    ("import typing\nclass X: pass\ntyping.Hashable.register(X)", pc.AttributeDenied),
    ("import typing\ngetattr(typing.Sequence, 'register')(dict)", pc.AttributeDenied),
    # ... and through the cell's own subclass of one (the library ABC asks its subclasses)
    ("import collections.abc as c\nclass S(c.Sequence): pass\nS.register(dict)", pc.OperationDenied),
    ("import typing\nclass S(typing.Iterator): pass\nS.register(int)", pc.OperationDenied),
    ("import abc\nclass A(abc.ABC): pass\nA.register(int)", None),  # only A answers for int
])
def test_guard(source: str, exc: type[BaseException] | None) -> None:
    if exc is None:
        run(source)
    else:
        with pytest.raises(exc):
            run(source)


def test_getattr_default_does_not_hide_a_denial() -> None:
    with pytest.raises(pc.AttributeDenied):
        run("getattr(1, '__class__x__', None)")
    cell = run("v = getattr(1, 'missing', 'dflt')")
    assert cell.namespace["v"] == "dflt"


def test_hasattr_answers_without_handing_out_objects() -> None:
    cell = run("a = hasattr(1, '__class__'), hasattr(1, 'nope')\n"
               "def g(): yield\nb = hasattr(g(), 'gi_frame')")
    assert cell.namespace["a"] == (True, False)
    assert cell.namespace["b"] is True


def test_vars_and_dir_are_filtered_copies() -> None:
    cell = run("class A:\n    def __init__(s): s.x = 1; s._y = 2\na = A()\nv = vars(a)\n"
               "v['x'] = 99\nd = dir(a)\nimport math\nm = vars(math)\ndm = dir(1)")
    ns = cell.namespace
    assert ns["v"] == {"x": 99, "_y": 2} and ns["a"].x == 1
    assert "x" in ns["d"] and "_y" in ns["d"]
    assert {"__dict__", "__weakref__", "__init_subclass__", "__reduce__"}.isdisjoint(ns["d"])
    assert ".paddedcell.owner" not in ns["d"]
    assert "pi" in ns["m"] and "__loader__" not in ns["m"]
    assert "real" in ns["dm"] and "__getattribute__" not in ns["dm"] and "__class__" in ns["dm"]


def test_class_of_never_returns_the_real_type() -> None:
    import builtins

    cell = run("t1 = type(int)\nt2 = int.__class__\nt3 = type(type)\nt4 = type(t1)\n"
               "import collections.abc as c\nt5 = type(c.Sequence)\nt6 = c.Sequence.__class__")
    for key in ("t1", "t2", "t3", "t4", "t5", "t6"):
        assert cell.namespace[key] is not builtins.type
        assert cell.namespace[key] is cell.builtins["type"]


def test_cell_classes_are_owned_by_their_cell_only() -> None:
    cell = run("class A:\n    pass\nB = type('B', (A,), {'k': 1})")
    a_cls, b_cls = cell.namespace["A"], cell.namespace["B"]
    assert cell.guards.owns(a_cls) and cell.guards.owns(b_cls()) and cell.guards.owns(a_cls())
    other = pc.Cell(globals={"A": a_cls})
    assert not other.guards.owns(a_cls)
    with pytest.raises(pc.AttributeDenied):
        other.exec("a = A()\na.x = 1")
    with pytest.raises(pc.AttributeDenied):
        other.exec("class C(A): pass\nc = C()\nA.y = 2")
    other.exec("c.z = 3")  # its own subclass's instance is its own


def test_format_wrapper_does_not_expose_the_real_method() -> None:
    cell = run("s = 'a{}'\nf = s.format\ng = str.format\nr = f(1), g('b{}', 2), repr(f)")
    assert cell.namespace["r"][:2] == ("a1", "b2")
    assert type(cell.namespace["f"]).__name__ == "function"  # a closure: nothing to walk
    with pytest.raises(pc.RestrictedSyntaxError):
        cell.exec("f.__closure__")


def test_functools_wraps_copies_no_foreign_private_state() -> None:
    cell = pc.Cell(globals={"secret_holder": type("H", (), {"_key": "s3cret"})()})
    cell.exec("import functools\ndef w(): pass\nfunctools.wraps(secret_holder)(w)\n"
              "r = hasattr(w, '_key')\n"
              "def deco(fn):\n    @functools.wraps(fn)\n    def inner(*a):\n        return fn(*a)\n"
              "    return inner\n@deco\ndef named(x):\n    'doc'\n    return x\nn = named.__name__, named.__doc__")
    assert cell.namespace["r"] is False
    assert cell.namespace["n"] == ("named", "doc")
    with pytest.raises(pc.OperationDenied):
        cell.exec("functools.update_wrapper(w, secret_holder, ('_key',))")


def test_a_class_body_may_use_class_patterns() -> None:
    # Regression: the rewriter's temporaries ('.m0') in a class namespace were refused as
    # non-identifiers instead of being dropped.
    cell = pc.Cell()
    cell.exec("class P:\n    __match_args__ = ('x',)\n    def __init__(self, x):\n"
              "        self.x = x\nclass K:\n    match P(3):\n        case P(y):\n"
              "            v = y\nr = (K.v, sorted(k for k in vars(K) if not k.startswith('__')))")
    assert cell.namespace["r"] == (3, ["v", "y"])


def test_globals_is_a_read_only_copy_of_the_cells_own_names() -> None:
    cell = pc.Cell()
    cell.exec("x = 1\nfor i in range(2):\n    pass\ndef f():\n    return globals()\n"
              "names = sorted(globals())\ninner = sorted(f())\nvalue = globals()['x']\n")
    ns = cell.namespace
    # identifiers only: no dunders, no guard or hoisting names such as '.ticks' or '<module>'
    assert ns["names"] == ["f", "i", "x"]
    assert ns["inner"] == ["f", "i", "names", "x"]
    assert ns["value"] == 1
    with pytest.raises(TypeError, match="does not support item assignment"):
        cell.exec("globals()['y'] = 2")
    assert "y" not in ns


def test_globals_refuses_a_caller_that_is_not_cell_code() -> None:
    # A library's Python code calling the cell's globals() would otherwise hand out the
    # library module's dict (here: the code dataclasses generates for __init__).
    cell = pc.Cell()
    with pytest.raises(pc.SecurityError, match="globals"):
        cell.exec("import dataclasses\n@dataclasses.dataclass\nclass D:\n"
                  "    g: object = dataclasses.field(default_factory=globals)\nD()\n")
