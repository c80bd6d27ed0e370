"""The pipeline: parse -> check -> rewrite -> compile, with a bounded code cache.

`check` reports violations and never raises for them; `compile_restricted` raises
`RestrictedSyntaxError` with all of them at once, or returns a code object that must run with
the guards a `paddedcell.Cell` provides.
"""

from __future__ import annotations

import ast
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from types import CodeType

from ..errors import RestrictedSyntaxError, Violation
from ..policy import Policy
from .check import FREE, MODULE_FREE, Checked, check_tree
from .collector import without_collector
from .hoist import Plan, hoist_loops
from .lazy import defer_bodies, place_stubs, register_stubs
from .parse import compiler_error, parse
from .rewrite import rewrite

CACHE_SIZE = 512
_PY = sys.version_info[:2]


@dataclass(frozen=True)
class Compiled:
    """A checked, rewritten and compiled program, plus the guarded tree for `show`."""

    code: CodeType
    tree: ast.AST
    mode: str


def _default_policy(policy: Policy | None) -> Policy:
    return policy if policy is not None else Policy.preset("default")


def _analyse(source: str, filename: str, mode: str, policy: Policy,
             defer: bool = False) -> tuple[ast.AST | None, Checked]:
    parsed = parse(source, filename, mode, policy.limits)
    if parsed.tree is None:
        return None, Checked(violations=list(parsed.violations))
    return parsed.tree, check_tree(parsed.tree, policy.limits, defer=defer and mode == "exec")


def check(source: str, filename: str = "<source>", mode: str = "exec",
          policy: Policy | None = None) -> list[Violation]:
    """Every violation in `source`, sorted by position; an empty list means accepted."""
    _, checked = _analyse(source, filename, mode, _default_policy(policy))
    return sorted(checked.violations, key=lambda v: (v.lineno, v.col_offset, v.rule))


def compile_full(source: str, filename: str, mode: str, policy: Policy,
                 defer: bool = False) -> Compiled:
    """Run the whole pipeline without the cache.

    With `defer`, function bodies that can wait are rewritten and compiled on their first
    call (see compiler.lazy); the tree returned then holds their stubs."""
    return without_collector(_compile_full, source, filename, mode, policy, defer)


def _compile_full(source: str, filename: str, mode: str, policy: Policy,
                  defer: bool) -> Compiled:
    tree, checked = _analyse(source, filename, mode, policy, defer)
    if checked.violations or tree is None:
        violations = sorted(checked.violations, key=lambda v: (v.lineno, v.col_offset, v.rule))
        raise RestrictedSyntaxError(violations, filename)
    unit = None
    sites = checked.sites
    if checked.deferred:
        unit, sites = defer_bodies(checked, source, filename, policy)
    # Top-level loops that will run as a function's body (compiler/hoist.py), decided on the
    # checked tree: their temporaries will be that function's locals, so their module-level
    # sites (outside comprehensions) may take the function shapes.
    plan = Plan(tree)
    if plan.loops:
        inside = plan.in_function
        sites = [s._replace(free=FREE) if s.free == MODULE_FREE and id(s.node) in inside
                 else s for s in sites]
    guarded = rewrite(tree, sites, mode, metered=policy.limits.metered)
    if unit is not None:
        place_stubs(unit, checked)
    if isinstance(guarded, ast.Module) and plan.loops:
        hoist_loops(guarded, plan)
    compile_mode = "exec" if mode == "single" else mode
    try:
        code = compile(guarded, filename, compile_mode, dont_inherit=True)
    except SyntaxError as exc:
        # Errors only the compiler finds (`return` outside a function, `nonlocal` at module
        # level, too many statically nested blocks, ...).
        raise compiler_error(exc, filename) from None
    except (RecursionError, MemoryError):
        v = Violation("PC003", "nesting is too deep for the compiler", 1, 0, 1, 0)
        raise RestrictedSyntaxError([v], filename) from None
    if unit is not None:
        register_stubs(unit, code)
    return Compiled(code, guarded, mode)


class CodeCache:
    """A bounded LRU of code objects keyed by source, filename, mode, policy and Python."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._data: OrderedDict[tuple[str, str, str, str, tuple[int, int]], CodeType] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, source: str, filename: str, mode: str, policy: Policy) -> CodeType:
        if type(source) is not str or type(filename) is not str:
            # A str subclass could fake equality and fetch another program's code.
            if not isinstance(source, str) or not isinstance(filename, str):
                raise TypeError("source and filename must be str")
            source, filename = str.__str__(source), str.__str__(filename)
        key = (source, filename, mode, policy.fingerprint, _PY)
        with self._lock:
            code = self._data.get(key)
            if code is not None:
                self._data.move_to_end(key)
                self.hits += 1
                return code
        code = compile_full(source, filename, mode, policy, defer=True).code
        with self._lock:
            self.misses += 1
            self._data[key] = code
            if len(self._data) > self.size:
                self._data.popitem(last=False)
        return code

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


CACHE = CodeCache()


def compile_restricted(source: str, filename: str = "<source>", mode: str = "exec",
                       policy: Policy | None = None) -> CodeType:
    """Compile `source` under `policy` (default preset 'default'); cached.

    Raises `RestrictedSyntaxError` listing every violation. The code needs a Cell's guards.
    """
    return CACHE.get(source, filename, mode, _default_policy(policy))
