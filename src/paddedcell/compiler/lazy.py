"""Deferred functions: a module's function bodies are rewritten and compiled on first call.

The checker still walks the whole module, so every violation is reported at compile time;
`compiler.deferral` decides which bodies can wait. For each, the module gets a stub with the
same name, signature, defaults, decorators and docstring, whose body is

    return .lazy('<key>')                     (a generator: `return (yield from ...)`)

and whose innermost decorator `.lazy_def` records each function object made from it. The
first call rewrites and compiles the real body (from the checked tree, kept in a bounded
cache, or parsed and checked again from the source), puts the real code on every recorded
function (`__code__`: both have no free variables) and calls it with the stub's arguments.
Later calls run the real code directly: the runtime cost is one stub call per function
object. The real code is exactly what compiling the module eagerly would give the function:
the same sites, guards and name mangling (methods are compiled inside copies of their class
statements).
"""

from __future__ import annotations

import ast
import itertools
import sys
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from types import CodeType, FunctionType
from typing import Any

from ..policy import Policy
from .check import Checked, Site, check_tree
from .collector import without_collector
from .deferral import Deferred
from .parse import compiler_error, parse
from .rewrite import at, rewrite

G_LAZY = ".lazy"  # the stub's body: compile the real code, swap it in, call it
G_LAZY_DEF = ".lazy_def"  # the stub's innermost decorator: record the function object
#: Checked trees of deferred bodies are kept for modules of this much source in all (the
#: newest module's always); a body whose tree was dropped is parsed and checked again.
RETAIN_SOURCE_CHARS = 256 * 1024
#: A first call that had to derive its module's trees again also compiles this share of the
#: module's bodies (1/DERIVATION_SHARES of them): few derivations per module, however often
#: its trees are dropped.
DERIVATION_SHARES = 4

_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08
_serials = itertools.count()


class Unit:
    """The deferred functions of one compiled module."""

    def __init__(self, source: str, filename: str, policy: Policy, checked: Checked) -> None:
        self.serial = next(_serials)
        self.source, self.filename, self.policy = source, filename, policy
        self.count = len(checked.deferred)
        self.lock = threading.RLock()
        self.codes: dict[int, CodeType] = {}
        self.functions: dict[int, weakref.WeakSet[FunctionType]] = {}
        self.bodies: list[tuple[Deferred, list[Site]]] | None = _bodies(checked)

    def key(self, index: int) -> str:
        return f"{self.serial}:{index}"

    def code(self, index: int) -> CodeType:
        """The real code of deferred function `index`, compiled on the first request."""
        with self.lock:
            code = self.codes.get(index)
            if code is not None:
                return code
            # Read once: another thread's `_retain` may drop the trees (set `bodies` to None)
            # at any moment without taking this unit's lock.
            bodies = self.bodies
            derived = bodies is None
            if bodies is None:
                bodies = self.bodies = self._derive()
            code = self._compile(bodies, index)
            if derived:
                # Trees that were dropped can be dropped again before the next first call
                # (modules alternating, any tenant compiling): a derivation per function
                # would parse and check the whole module once per function, quadratic
                # work. So each derivation compiles a share of the bodies left, in order:
                # at most DERIVATION_SHARES derivations more for the module.
                share = -(-self.count // DERIVATION_SHARES) - 1
                for other in range(self.count):
                    if share <= 0:
                        break
                    if other not in self.codes:
                        self._compile(bodies, other)
                        share -= 1
            if len(self.codes) == self.count:
                self.bodies = None
                _RETAINED.pop(self.serial, None)
            return code

    def _compile(self, bodies: list[tuple[Deferred, list[Site]]], index: int) -> CodeType:
        deferred, sites = bodies[index]
        try:
            code = without_collector(_compile_body, deferred, sites, self.filename, self.policy)
            # Stored inside the `try`: a limit raised asynchronously (the watchdog,
            # `cell.cancel()`) may arrive at any call, the collector's resumption included.
            # Until the code is stored, an interruption must drop the trees.
            self.codes[index] = code
        except BaseException:
            # The rewrite works in place: a half-rewritten tree must never be reused.
            self.bodies = None
            raise
        return code

    def _derive(self) -> list[tuple[Deferred, list[Site]]]:
        """Parse and check the source again: the same text gives the same deferred bodies."""
        parsed = parse(self.source, self.filename, "exec", self.policy.limits)
        assert parsed.tree is not None
        checked = check_tree(parsed.tree, self.policy.limits, defer=True)
        if checked.violations or len(checked.deferred) != self.count:  # pragma: no cover
            raise RuntimeError("a deferred module checked differently the second time")
        _retain(self)
        return _bodies(checked)


def _bodies(checked: Checked) -> list[tuple[Deferred, list[Site]]]:
    sites = checked.sites
    return [(d, [sites[i] for i in d.own] + sites[d.start:d.end]) for d in checked.deferred]


_RETAINED: OrderedDict[int, Unit] = OrderedDict()
_retained_lock = threading.Lock()


def _retain(unit: Unit) -> None:
    """Keep `unit`'s trees; drop the oldest others' beyond `RETAIN_SOURCE_CHARS`."""
    with _retained_lock:
        _RETAINED[unit.serial] = unit
        _RETAINED.move_to_end(unit.serial)
        total = sum(len(u.source) for u in _RETAINED.values())
        while total > RETAIN_SOURCE_CHARS and len(_RETAINED) > 1:
            _, old = _RETAINED.popitem(last=False)
            total -= len(old.source)
            old.bodies = None  # (a concurrent compile holds its own reference)


def _compile_body(d: Deferred, sites: list[Site], filename: str, policy: Policy) -> CodeType:
    """Rewrite the body's sites and compile it alone, inside copies of its classes."""
    f = d.node
    args = f.args
    kwonly = [_name_only(a) for a in args.kwonlyargs]
    signature = ast.arguments(
        posonlyargs=[_name_only(a) for a in args.posonlyargs],
        args=[_name_only(a) for a in args.args], kwonlyargs=kwonly,
        kw_defaults=[None] * len(kwonly), defaults=[],
        vararg=None if args.vararg is None else _name_only(args.vararg),
        kwarg=None if args.kwarg is None else _name_only(args.kwarg))
    # The body list is the checked one: the sites' parent slots refer to it.
    function = at(ast.FunctionDef(name=f.name, args=signature, body=f.body, decorator_list=[],
                                  returns=None, type_comment=None, **_TYPE_PARAMS), f)
    stmt: ast.stmt = function
    for cls in reversed(d.classes):
        stmt = at(ast.ClassDef(name=cls.name, bases=[], keywords=[], body=[stmt],
                               decorator_list=[], **_TYPE_PARAMS), cls)
    module = rewrite(ast.Module(body=[stmt], type_ignores=[]), sites, "exec",
                     metered=policy.limits.metered)
    try:
        code = compile(module, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:  # pragma: no cover - deferral admits only bodies that compile
        raise compiler_error(exc, filename) from None
    for _ in range(len(d.classes) + 1):
        code = next(c for c in code.co_consts if isinstance(c, CodeType))
    assert not code.co_freevars
    return code


def _name_only(arg: ast.arg) -> ast.arg:
    """A parameter without its annotation (evaluated by the module, not the body)."""
    return ast.copy_location(ast.arg(arg=arg.arg, annotation=None, type_comment=None), arg)


_TYPE_PARAMS: dict[str, Any] = {"type_params": []} if sys.version_info >= (3, 12) else {}


def defer_bodies(checked: Checked, source: str, filename: str,
                 policy: Policy) -> tuple[Unit, list[Site]]:
    """The unit of the deferred functions and the sites the module itself still needs (all
    but the deferred bodies')."""
    unit = Unit(source, filename, policy, checked)
    _retain(unit)
    sites = checked.sites
    kept: list[Site] = []
    at_index = 0
    # Deferred functions come in walk order, and their bodies' site ranges do not overlap;
    # each one's own sites (its entry tick) sit before its range.
    for d in checked.deferred:
        kept.extend(sites[i] for i in range(at_index, d.start) if i not in d.own)
        at_index = d.end
    kept.extend(sites[at_index:])
    return unit, kept


def place_stubs(unit: Unit, checked: Checked) -> None:
    """After the module's rewrite: put a stub in place of each deferred function. The stub
    takes the function's rewritten decorators, signature and annotations (the module's
    sites guarded them in place); only the body was left alone."""
    for index, d in enumerate(checked.deferred):
        slots = getattr(d.parent, d.slot)
        where = d.index
        if where >= len(slots) or slots[where] is not d.node:
            # A `while` body's entry tick moved it: find it by identity.
            where = next(i for i, node in enumerate(slots) if node is d.node)
        slots[where] = _stub(d, unit.key(index))


def _stub(d: Deferred, key: str) -> ast.FunctionDef:
    f = d.node
    # Every new node gets the def's position (built directly: this runs once per function
    # of every module compiled).
    pos: dict[str, Any] = {"lineno": f.lineno, "col_offset": f.col_offset,
                           "end_lineno": f.end_lineno, "end_col_offset": f.end_col_offset}
    call = ast.Call(func=ast.Name(id=G_LAZY, ctx=_LOAD, **pos),
                    args=[ast.Constant(value=key, **pos)], keywords=[], **pos)
    value: ast.expr = ast.YieldFrom(value=call, **pos) if d.generator else call
    body: list[ast.stmt] = [ast.Return(value=value, **pos)]
    first = f.body[0]
    if type(first) is ast.Expr and type(first.value) is ast.Constant \
            and type(first.value.value) is str:
        # The docstring, so that `__doc__` is the real function's; a new node, because
        # the body's own nodes belong to the deferred rewrite.
        body.insert(0, ast.Expr(value=ast.Constant(value=first.value.value, **pos), **pos))
    decorators = [*f.decorator_list, ast.Name(id=G_LAZY_DEF, ctx=_LOAD, **pos)]
    return ast.FunctionDef(name=f.name, args=f.args, body=body, decorator_list=decorators,
                           returns=f.returns, type_comment=None, **_TYPE_PARAMS, **pos)


_LOAD = ast.Load()


def register_stubs(unit: Unit, code: CodeType) -> None:
    """Find the stubs' code objects in the module's code and index them."""
    keys = {unit.key(i): i for i in range(unit.count)}
    todo = [code]
    while todo:
        current = todo.pop()
        for const in current.co_consts:
            if isinstance(const, CodeType):
                todo.append(const)
            # A stub loads `.lazy`, which no source can spell: a cell's own string equal to
            # a key (`<serial>:<index>`, easy to guess) must not make its code a stub.
            elif type(const) is str and const in keys and G_LAZY in current.co_names \
                    and current.co_name != "<module>":
                ident = id(current)
                # The entry holds the reference whose callback removes it (a plain weak
                # reference: finalize objects cost several times as much, per function).
                _STUBS[ident] = (weakref.ref(current, _forgetter(ident)), unit, keys[const])


def _forgetter(ident: int) -> Callable[[weakref.ref[CodeType]], None]:
    def forget(_: weakref.ref[CodeType]) -> None:
        _STUBS.pop(ident, None)
    return forget


#: id(stub code) -> (the code, weakly; its unit; its index). Entries leave with their code.
_STUBS: dict[int, tuple[weakref.ref[CodeType], Unit, int]] = {}


def _entry(code: CodeType) -> tuple[Unit, int]:
    entry = _STUBS.get(id(code))
    if entry is None or entry[0]() is not code:
        raise RuntimeError("not a deferred function")  # pragma: no cover
    return entry[1], entry[2]


def lazy_def(function: FunctionType) -> FunctionType:
    """The stub's innermost decorator: give `function` its real code if it exists, else
    record it for the first call."""
    stub = function.__code__
    unit, index = _entry(stub)
    code = unit.codes.get(index)
    if code is not None:
        function.__code__ = code
    else:
        with unit.lock:
            unit.functions.setdefault(index, weakref.WeakSet()).add(function)
    return function


def lazy_call(key: str) -> Any:
    """The stub's body: compile, swap the real code in, and call it with the stub's
    arguments (a generator stub delegates to the generator this returns)."""
    frame = sys._getframe(1)
    stub = frame.f_code
    unit, index = _entry(stub)
    code = unit.code(index)
    with unit.lock:
        for function in unit.functions.pop(index, ()):
            if function.__code__ is stub:
                function.__code__ = code
    args, kwargs = _arguments(stub, frame.f_locals)
    real: Callable[..., Any] = FunctionType(code, frame.f_globals, stub.co_name)
    del frame
    return real(*args, **kwargs)


def _arguments(code: CodeType, values: Any) -> tuple[list[Any], dict[str, Any]]:
    """The call that binds the parameters of `code` to `values` again."""
    names = code.co_varnames
    count, kwonly = code.co_argcount, code.co_kwonlyargcount
    args = [values[names[i]] for i in range(count)]
    kwargs = {names[i]: values[names[i]] for i in range(count, count + kwonly)}
    at_index = count + kwonly
    if code.co_flags & _CO_VARARGS:
        args.extend(values[names[at_index]])
        at_index += 1
    if code.co_flags & _CO_VARKEYWORDS:
        kwargs.update(values[names[at_index]])
    return args, kwargs


def hide_stub_frames(exc: BaseException) -> None:
    """Drop a deferred function's first-call frames (its stub's and `lazy_call`'s) from
    `exc`'s traceback, so it reads as if the function had been compiled eagerly."""
    tb = exc.__traceback__
    while tb is not None and _hidden(tb.tb_frame.f_code):
        tb = tb.tb_next
    exc.__traceback__ = tb
    while tb is not None:
        after = tb.tb_next
        while after is not None and _hidden(after.tb_frame.f_code):
            after = after.tb_next
        tb.tb_next = after
        tb = after


def _hidden(code: CodeType) -> bool:
    return code is _LAZY_CALL_CODE or id(code) in _STUBS


_LAZY_CALL_CODE = lazy_call.__code__
