"""Rule tests as a table: (source, [(rule, line, col), ...]); an empty list means allowed."""

from __future__ import annotations

import pytest

from helpers import Expected, assert_violations

CASES: list[tuple[str, Expected]] = [
    # --- allowed: ordinary code stays legal --------------------------------------------------
    ("x = 1\nprint(x)", []),
    ("_private = 1\n_f = lambda _a: _a", []),
    ("class A:\n    def __init__(self):\n        self._x = 1\n    def __repr__(self):\n        return 'A'", []),
    ("class A:\n    __hash__ = None\n    __slots__ = ('a',)\n    def __eq__(s, o): return True\n    __radd__ = __eq__", []),
    ("if __name__ == '__main__':\n    pass", []),
    ("type(x).__name__\nx.__class__\nx.__doc__\nx.__qualname__\nx.__module__", []),
    ("super().__init__()\nx.__repr__()\nx.__eq__(y)", []),
    ("match p:\n    case Point(x=0, y=yy):\n        pass", []),
    ("def f(_getattr_=getattr, /, _write_=1, *, _print_=2): return _getattr_", []),
    ("from __future__ import annotations", []),
    ("import math\nfrom json import dumps as d\nfrom collections import *", []),
    ("try:\n    pass\nexcept Exception as _e:\n    pass", []),
    ("(lambda: (yield))", []),
    ("x = [y for y in range(3)]\ng = (y async_ for y in z) if False else 0".replace("async_ ", ""), []),
    # --- PC101 dunder-attribute ----------------------------------------------------------------
    ("().__class__.__base__", [("PC101", 1, 0)]),
    ("f.__globals__", [("PC101", 1, 0)]),
    ("x.__dict__", [("PC101", 1, 0)]),
    ("x.__class__ = Y", [("PC101", 1, 0)]),
    ("del x.__doc__", [("PC101", 1, 4)]),
    ("x.__init__ = f", [("PC101", 1, 0)]),
    ("f.__globals__ += G()", [("PC101", 1, 0)]),
    ("a.b.__subclasses__()", [("PC101", 1, 0)]),
    ("x = 1\ny = (z.\n  __code__)", [("PC101", 2, 5)]),
    ("f'{x.__class__.__mro__}'", [("PC101", 1, 3)]),
    ("match x:\n    case C(__class__=k):\n        pass", [("PC109", 2, 9)]),
    # --- PC102 dunder-name ---------------------------------------------------------------------
    ("__builtins__", [("PC102", 1, 0)]),
    ("__import__('os')", [("PC102", 1, 0)]),
    ("__name__ = 'x'", [("PC102", 1, 0)]),
    ("def f(__x__): pass", [("PC102", 1, 6)]),
    ("f(__class__=1)", [("PC102", 1, 2)]),
    ("import os as __os__", [("PC102", 1, 7)]),
    ("from m import __all__", [("PC102", 1, 14)]),
    ("__author__ = 'x'\n__version__ = '1.0'\nv = __version__", []),  # module metadata: plain data
    ("__file__ = 'x'", [("PC102", 1, 0)]),
    ("__builtins__ = {}", [("PC102", 1, 0)]),
    ("__spec__", [("PC102", 1, 0)]),
    ("global __x__", [("PC102", 1, 0)]),
    ("try:\n    pass\nexcept E as __e__:\n    pass", [("PC102", 3, 0)]),
    ("match x:\n    case [*__r__]:\n        pass", [("PC102", 2, 10)]),
    ("class __A__: pass", [("PC102", 1, 0)]),
    ("class A:\n    __dict__ = {}", [("PC102", 2, 4)]),
    ("def f():\n    __hash__ = None", [("PC102", 2, 4)]),
    ("[__class__ for _ in x]", [("PC102", 1, 1)]),
    ("del __name__", [("PC102", 1, 4)]),
    # --- PC103 interpreter-internals -----------------------------------------------------------
    ("g.gi_frame", [("PC103", 1, 0)]),
    ("g.gi_frame.f_back.f_globals", [("PC103", 1, 0), ("PC103", 1, 0), ("PC103", 1, 0)]),
    ("e.tb_frame", [("PC103", 1, 0)]),
    ("c.cr_frame", [("PC103", 1, 0)]),
    ("a.ag_frame", [("PC103", 1, 0)]),
    ("f.f_locals['x'] = 1", [("PC103", 1, 0)]),
    ("code.co_code", [("PC103", 1, 0)]),
    ("x.gi_code = 1", [("PC103", 1, 0)]),
    # --- PC104 dunder-method-definition -----------------------------------------------------------
    ("class A:\n    def __del__(self): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __init_subclass__(cls): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __class_getitem__(cls, k): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __set_name__(self, o, n): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __reduce__(self): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __reduce_ex__(self, p): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __getattribute__(self, n): pass", [("PC104", 2, 4)]),
    ("class A:\n    def __getattr__(self, n): pass", [("PC104", 2, 4)]),
    ("def __init__(self): pass", [("PC104", 1, 0)]),
    ("class A:\n    def f(self):\n        def __repr__(s): pass", [("PC104", 3, 8)]),
    # --- PC105 class-keyword -------------------------------------------------------------------
    ("class A(metaclass=M): pass", [("PC105", 1, 8)]),
    ("class A(B, flag=1): pass", [("PC105", 1, 11)]),
    # --- PC106 except-star --------------------------------------------------------------------
    ("try:\n    pass\nexcept* ValueError:\n    pass", [("PC106", 1, 0)]),
    # --- PC107 async-construct -----------------------------------------------------------------
    ("async def f(): pass", [("PC107", 1, 0)]),
    ("async def f():\n    await g()", [("PC107", 1, 0), ("PC107", 2, 4)]),
    ("def f(y):\n    return (x async for x in y)", [("PC107", 2, 11)]),
    # --- PC108 relative-import -----------------------------------------------------------------
    ("from . import x", [("PC108", 1, 0)]),
    ("from ..m import x", [("PC108", 1, 0)]),
    # --- PC109 guarded-pattern-attribute -----------------------------------------------------------
    ("match e:\n    case AttributeError(obj=o):\n        pass", [("PC109", 2, 9)]),
    ("match e:\n    case C(_secret=o):\n        pass", [("PC109", 2, 9)]),
    # --- PC110 guarded-augmented-attribute --------------------------------------------------------
    ("s.format += g", [("PC110", 1, 0)]),
    ("e.obj += g", [("PC110", 1, 0)]),
    # --- PC111 type-parameters -----------------------------------------------------------------
    # (3.12+ syntax: see test_type_parameters below)
    # --- PC112 future-import -------------------------------------------------------------------
    ("from __future__ import barry_as_FLUFL", [("PC112", 1, 23)]),
    # --- several at once ------------------------------------------------------------------------
    ("import os\nx.__dict__\nasync def f(): pass\nclass A(metaclass=M): pass",
     [("PC101", 2, 0), ("PC107", 3, 0), ("PC105", 4, 8)]),
]


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule_table(source: str, expected: Expected) -> None:
    assert_violations(source, expected)


def test_type_parameters() -> None:
    import sys

    if sys.version_info < (3, 12):
        pytest.skip("PEP 695 syntax needs Python 3.12")
    assert_violations("def f[T](x: T) -> T: return x", [("PC111", 1, 6)])
    assert_violations("class A[T, *Ts, **P]: pass", [("PC111", 1, 8), ("PC111", 1, 11), ("PC111", 1, 16)])
    assert_violations("type X = int", [("PC111", 1, 0)])


def test_violation_has_end_position_and_message() -> None:
    import paddedcell as pc

    (v,) = pc.check("x = 1\ny = z.__dict__\n")
    assert (v.rule, v.lineno, v.col_offset, v.end_lineno, v.end_col_offset) == ("PC101", 2, 4, 2, 14)
    assert "__dict__" in v.message
    assert v.format("f.py") == "f.py:2:5: PC101 access to attribute '__dict__' is not allowed"


def test_compile_raises_with_all_violations() -> None:
    import paddedcell as pc

    with pytest.raises(pc.RestrictedSyntaxError) as info:
        pc.compile_restricted("a.__x__\nb.gi_frame\nimport os as __o__")
    assert [v.rule for v in info.value.violations] == ["PC101", "PC103", "PC102"]
    assert isinstance(info.value, SyntaxError)
    assert info.value.lineno == 1
