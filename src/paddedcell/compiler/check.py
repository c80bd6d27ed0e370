"""Check: one iterative walk that collects every violation and the sites the rewriter guards.

The walk fails closed: a node type or a field set missing from the reviewed table is a PC100
violation. It never recurses (hostile trees can be deep), measures depth and node count as it
goes, and writes nothing onto AST nodes: its output is plain data, `Checked`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import Violation
from ..policy import Limits
from ..rules import (
    CLASS_BODY_DUNDERS,
    SAFE_SPECIAL_METHODS,
    SIZED_CALL_NAMES,
    SIZED_METHODS,
    Access,
    classify_attribute,
    denial_rule,
    format_string_is_plain,
    is_dunder,
    rule,
    wide_format_spec,
    write_allowed_name,
)
from .deferral import MAX_DEPTH as MAX_DEFERRED_DEPTH
from .deferral import WATCHED, Deferred, Edge, statements_ok, watch
from .syntax import DENIED_BY_RULE, reviewed_table

#: Rewrite site kinds (what the rewriter does at a node).
READ = "read"  # wrap the Attribute's object in `.read(obj, name)` (init, exc-obj, register)
READ_PRIVATE = "read-private"  # like READ, for `_x`: ownership alone decides
GETATTR = "getattr"  # replace the Attribute by `.getattr(obj, name)` (format, __class__)
WRITE = "write"  # wrap the Attribute's object in `.write(obj, name)` (store, delete)
IMPORT = "import"  # replace an import statement by guarded calls
MATCH = "match"  # check the classes of positional class patterns before the match runs
# Metering sites: used only when the policy sets run-time limits.
TICK = "tick"  # a loop body, function body, lambda or comprehension: count a step
HANDLER = "handler"  # an except clause: never let it catch LimitExceeded
COSTLY = "costly"  # `*`, `**`, `<<`, `%`-format, their augmented forms: charge before running
SIZED = "sized"  # a str method or builtin call whose result size depends on its arguments
FSPEC = "fspec"  # an f-string field with a computed or very wide format spec

_READ_ACCESS = frozenset({Access.EXC_OBJ, Access.MRO})
_GETATTR_ACCESS = frozenset({Access.FORMAT, Access.CLASS, Access.INIT, Access.ABC_REGISTER})
_NAME_LOADS = frozenset({"__name__", "__debug__"})
#: Dunder globals a module may bind and read: `__all__` (what `from m import *` exports) and
#: the customary metadata strings. All plain data in the cell's own namespace; none of them
#: is consulted by the interpreter (unlike `__builtins__`, `__import__`, `__file__`, ...).
_MODULE_NAMES = frozenset({"__all__", "__author__", "__contact__", "__copyright__",
                           "__credits__", "__date__", "__email__", "__license__",
                           "__maintainer__", "__status__", "__version__"})
_CLASS_BODY_NAMES = SAFE_SPECIAL_METHODS | CLASS_BODY_DUNDERS
_FUTURE_OK = frozenset({"annotations"})
_LEAF_TYPES = frozenset(
    type(n) for n in (ast.Load(), ast.Store(), ast.Del())
) | frozenset(c for base in (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
              for c in base.__subclasses__())


class Site(NamedTuple):
    """A place the rewriter must guard: `node` sits at `parent.<field>[slot]` (slot -1: not a list).

    (A named tuple: the walk makes thousands per module, and a tuple is made in C.)"""

    kind: str
    node: ast.AST
    parent: ast.AST | None
    field: str | None
    slot: int
    #: Where the rewriter may bind temporaries with `:=` (never in a comprehension, an
    #: annotation or a class body, where assignment expressions are refused or leak):
    #: NOT_FREE, MODULE_FREE (module level: only when no code runs between binding a
    #: temporary and using it, since module code can run again in the same globals) or
    #: FREE (in a function: the temporaries are one frame's locals).
    free: int = 0
    #: Names among the operands proven to hold exact numbers here (see `range_bound`): the
    #: rewriter needs no type test for them.
    numbers: frozenset[str] = frozenset()


@dataclass
class Checked:
    """What the checker found: violations (empty means accepted) and rewrite sites, pre-order."""

    violations: list[Violation] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    nodes: int = 0
    depth: int = 0
    #: Functions whose bodies may be compiled on their first call (see compiler.deferral),
    #: when the walk was asked for them.
    deferred: list[Deferred] = field(default_factory=list)


class _Walk:
    """State of one walk. Rule functions receive it to report violations and sites."""

    def __init__(self) -> None:
        self.out = Checked()
        # Position of the nearest node that has one, for nodes without positions.
        self.anchor: ast.AST | None = None
        #: Each comprehension (by id) -> the comprehension whose scope encloses it, or None.
        self.comp_parents: dict[int, ast.AST | None] = {}
        #: Each comprehension (by id) -> how many comprehension scopes it sits in, itself
        #: included (see MAX_COMPREHENSION_NESTING).
        self.comp_levels: dict[int, int] = {}
        #: Caches of the number proof (see `_proven_name`), keyed by comprehension id.
        self.comp_binders: dict[int, dict[str, list[ast.comprehension]]] = {}
        self.proofs: dict[tuple[int, str], bool] = {}
        #: Module-level class statements (by id) -> the scope they sit in (for deferral).
        self.class_parents: dict[int, ast.AST] = {}
        #: Nodes that keep the function body around them eager (see compiler.deferral),
        #: noted by rules that run anyway; a deferred body's range of them must be empty.
        self.eager: list[ast.AST] = []

    def report(self, rule_id: str, node: ast.AST | None, **fmt: object) -> None:
        rule(rule_id)  # fails loudly on an unregistered id
        msg = rule(rule_id).message.format(**{"detail": "", **fmt})
        where = node if node is not None and hasattr(node, "lineno") else self.anchor
        line = getattr(where, "lineno", 1) or 1
        col = getattr(where, "col_offset", 0) or 0
        end_line = getattr(where, "end_lineno", line) or line
        end_col = getattr(where, "end_col_offset", col) or col
        name = str(fmt.get("name", ""))
        self.out.violations.append(Violation(rule_id, msg, line, col, end_line, end_col, name))

    def site(self, kind: str, node: ast.AST, parent: ast.AST | None, fld: str | None, i: int,
             free: int = 0, numbers: frozenset[str] = frozenset()) -> None:
        self.out.sites.append(Site(kind, node, parent, fld, i, free, numbers))


RuleFn = Callable[[ast.AST, "_Ctx", _Walk], None]
_CHECKS: dict[type[ast.AST], list[RuleFn]] = {}


class _Ctx(NamedTuple):
    """Where a node sits: its parent slot and the nearest enclosing scope node."""

    parent: ast.AST | None
    field: str | None
    slot: int
    scope: ast.AST
    #: FREE outside comprehensions and annotations, MODULE_FREE inside a comprehension (not
    #: its iterables), NOT_FREE in annotations and comprehension iterables (see Site.free;
    #: `_free` adds the scope).
    free: int = 2
    #: The innermost comprehension whose scope the node is evaluated in (None outside one,
    #: and inside a function, lambda or class nested in it).
    comp: ast.AST | None = None


def _on(*types: type[ast.AST]) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        for t in types:
            _CHECKS.setdefault(t, []).append(fn)
        return fn
    return register


def _in_class_body(ctx: _Ctx) -> bool:
    return isinstance(ctx.scope, ast.ClassDef)


# --- names ------------------------------------------------------------------------------------
@_on(ast.Name)
def _name(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.Name)
    name = node.id
    if name == "super":
        w.eager.append(node)  # needs the class cell: its function is not deferred
    if not is_dunder(name):
        return
    if isinstance(node.ctx, ast.Load) and name in _NAME_LOADS:
        return
    if name in _MODULE_NAMES:
        return
    if not isinstance(node.ctx, ast.Del) and _in_class_body(ctx) and name in _CLASS_BODY_NAMES:
        return
    w.report("PC102", node, name=name)


def _dunder_binding(name: str | None, node: ast.AST, w: _Walk) -> None:
    if name is not None and is_dunder(name):
        w.report("PC102", node, name=name)


@_on(ast.arg)
def _arg(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.arg)
    _dunder_binding(node.arg, node, w)


@_on(ast.keyword)
def _keyword(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.keyword)
    _dunder_binding(node.arg, node, w)


@_on(ast.Global, ast.Nonlocal)
def _global(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, (ast.Global, ast.Nonlocal))
    for name in node.names:
        _dunder_binding(name, node, w)


@_on(ast.ExceptHandler)
def _handler(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.ExceptHandler)
    _dunder_binding(node.name, node, w)


@_on(ast.MatchAs, ast.MatchStar)
def _match_capture(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, (ast.MatchAs, ast.MatchStar))
    _dunder_binding(node.name, node, w)


@_on(ast.MatchMapping)
def _match_mapping(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.MatchMapping)
    _dunder_binding(node.rest, node, w)


@_on(ast.Match)
def _match(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    w.site(MATCH, node, ctx.parent, ctx.field, ctx.slot)


@_on(ast.MatchClass)
def _match_class(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.MatchClass)
    for name in node.kwd_attrs:
        access = classify_attribute(name)
        if access.denied:
            w.report(denial_rule(access), node, name=name)
        elif access is not Access.ALLOW:
            w.report("PC109", node, name=name)


# --- definitions ------------------------------------------------------------------------------
@_on(ast.FunctionDef, ast.AsyncFunctionDef)
def _function(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    if is_dunder(node.name) and not (_in_class_body(ctx) and node.name in SAFE_SPECIAL_METHODS):
        w.report("PC104", node, name=node.name)
    # Type parameters (3.12+) are TypeVar/ParamSpec/TypeVarTuple nodes: PC111 at each one.


@_on(ast.ClassDef)
def _class(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.ClassDef)
    _dunder_binding(node.name, node, w)
    for kw in node.keywords:
        w.report("PC105", kw, name=kw.arg or "**")


@_on(ast.comprehension)
def _comprehension(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.comprehension)
    if node.is_async:
        w.report("PC107", ctx.parent, name="an async comprehension")


# --- attributes -------------------------------------------------------------------------------
@_on(ast.Attribute)
def _attribute(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.Attribute)
    name = node.attr
    if isinstance(node.ctx, ast.Load):
        if name in SIZED_METHODS and not (name == "join" and _short_literal(node.value)):
            w.site(SIZED, node, ctx.parent, ctx.field, ctx.slot)
        access = classify_attribute(name)
        if access.denied:
            w.report(denial_rule(access), node, name=name)
        elif access is Access.PRIVATE:
            w.site(READ_PRIVATE, node, ctx.parent, ctx.field, ctx.slot)
        elif access in _READ_ACCESS:
            w.site(READ, node, ctx.parent, ctx.field, ctx.slot)
        elif access is Access.FORMAT and _plain_literal(node.value):
            return  # `'{} {x}'.format(...)` on a literal whose fields are plain: native
        elif access in _GETATTR_ACCESS:
            w.site(GETATTR, node, ctx.parent, ctx.field, ctx.slot, _free(ctx))
        return
    access = write_allowed_name(name)
    if access.denied:
        w.report(denial_rule(access), node, name=name)
        return
    w.site(WRITE, node, ctx.parent, ctx.field, ctx.slot)


def _short_literal(node: ast.AST) -> bool:
    # `', '.join(parts)`: a separator this short cannot multiply memory meaningfully.
    return isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)) \
        and len(node.value) <= 8


def _plain_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is str \
        and format_string_is_plain(node.value)


@_on(ast.AugAssign)
def _augassign(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.AugAssign)
    target = node.target
    if isinstance(target, ast.Attribute):
        if classify_attribute(target.attr) in (Access.FORMAT, Access.EXC_OBJ, Access.MRO):
            w.report("PC110", target, name=target.attr)


# --- metering sites ---------------------------------------------------------------------------
_COSTLY_OPS = (ast.Mult, ast.Pow, ast.LShift, ast.Add)


@_on(ast.For, ast.While, ast.FunctionDef, ast.Lambda, ast.comprehension)
def _tick(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    w.site(TICK, node, ctx.parent, ctx.field, ctx.slot)


@_on(ast.Try, ast.TryStar)
def _try(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, (ast.Try, ast.TryStar))
    for handler in node.handlers[:-1]:
        if handler.type is None:
            # CPython's compiler refuses it; the metered rewrite of a bare `except:` (into
            # `except <test>:`) would hide that.
            w.report("PC001", handler, detail="default 'except:' must be last")


@_on(ast.ExceptHandler)
def _handler_site(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    w.site(HANDLER, node, ctx.parent, ctx.field, ctx.slot)


def _free(ctx: _Ctx) -> int:
    # FREE only in a function's own code, where `:=` binds a local of one frame. At module
    # level it binds a global, and module code can run again in the same globals while an
    # operand is being evaluated (RExec's `reload`, a supervisor callback that execs in the
    # cell); in a comprehension it binds the enclosing scope, which generators of the same
    # site share. There only MODULE_FREE shapes are used: nothing runs between binding a
    # temporary and using it. Class bodies: none (comprehensions there refuse `:=`, and an
    # enum's namespace would take a temporary for a member).
    if not ctx.free or isinstance(ctx.scope, ast.ClassDef):
        return NOT_FREE
    if isinstance(ctx.scope, _FUNCTION_SCOPES):
        return ctx.free
    return min(ctx.free, MODULE_FREE) if isinstance(ctx.scope, _MODULE_SCOPES) else NOT_FREE


NOT_FREE, MODULE_FREE, FREE = 0, 1, 2
_MODULE_SCOPES = (ast.Module, ast.Expression, ast.Interactive)


_FUNCTION_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


@_on(ast.BinOp)
def _binop(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.BinOp)
    if isinstance(node.op, _COSTLY_OPS):
        constants = isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant)
        numbers = _proven_numbers(node, ctx, w)
        left = _numeric(node.left) or _named_in(node.left, numbers)
        right = _numeric(node.right) or _named_in(node.right, numbers)
        # `x + 1` cannot concatenate; a constant expression is bounded by the source size;
        # two numbers cannot repeat a sequence.
        numeric_add = isinstance(node.op, ast.Add) and (left or right)
        numeric_mult = isinstance(node.op, ast.Mult) and left and right
        if not constants and not numeric_add and not numeric_mult:
            w.site(COSTLY, node, ctx.parent, ctx.field, ctx.slot, _free(ctx), numbers)
    elif isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, (str, bytes)) and _wide_percent(node.left.value):
        w.site(COSTLY, node, ctx.parent, ctx.field, ctx.slot)


@_on(ast.AugAssign)
def _augassign_costly(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.AugAssign)
    if isinstance(node.op, _COSTLY_OPS):
        if isinstance(node.op, ast.Add) and _numeric(node.value):
            return  # `o.n += 1`: adding a number never concatenates
        w.site(COSTLY, node, ctx.parent, ctx.field, ctx.slot, _free(ctx))


@_on(ast.Call)
def _sized_call(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.Call)
    if isinstance(node.func, ast.Name) and node.func.id in SIZED_CALL_NAMES:
        w.site(SIZED, node, ctx.parent, ctx.field, ctx.slot)
    if len(node.keywords) > 1:
        names = [k.arg for k in node.keywords if k.arg is not None]
        if len(names) != len(set(names)):
            w.eager.append(node)  # "keyword argument repeated": the compiler must see it


@_on(ast.FormattedValue)
def _fspec(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.FormattedValue)
    spec = node.format_spec
    if spec is None:
        return
    parts = spec.values if isinstance(spec, ast.JoinedStr) else [spec]
    for part in parts:
        if not isinstance(part, ast.Constant) or (isinstance(part.value, str)
                                                  and wide_format_spec(part.value)):
            w.site(FSPEC, node, ctx.parent, ctx.field, ctx.slot)
            return


def _named_in(node: ast.AST, names: frozenset[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def range_bound(generator: ast.comprehension) -> bool:
    """`for <name> in range(...)`: the rewriter passes the iterable through `.ints`, which lets
    a real range through and checks every item of anything else (a rebound `range`) is an
    exact number, so the name holds a number wherever the comprehension's scope sees it."""
    it = generator.iter
    return isinstance(generator.target, ast.Name) and isinstance(it, ast.Call) \
        and isinstance(it.func, ast.Name) and it.func.id == "range"


def _proven_numbers(node: ast.BinOp, ctx: _Ctx, w: _Walk) -> frozenset[str]:
    """The operand names of `node` that hold exact numbers: iteration variables of an
    enclosing comprehension bound only by a `range_bound` generator. Nothing can rebind those
    (`:=` may not, nested functions get their own scope), so the proof needs no flow."""
    if ctx.comp is None:
        return frozenset()
    names = [side.id for side in (node.left, node.right) if isinstance(side, ast.Name)]
    return frozenset(name for name in names if _proven_name(name, ctx.comp, w))


def _proven_name(name: str, comp: ast.AST, w: _Walk) -> bool:
    """Whether `name`, read in `comp`'s scope, is bound by a range-bound generator. Answers
    are kept per (comprehension, name) for every comprehension on the way up: without that,
    deeply nested comprehensions around many operations made the check quadratic (a compile
    time bomb)."""
    proofs = w.proofs
    visited: list[tuple[int, str]] = []
    result = False
    current: ast.AST | None = comp
    while current is not None:
        key = (id(current), name)
        known = proofs.get(key)
        if known is not None:
            result = known
            break
        visited.append(key)
        binders = _binders(current, w).get(name)
        if binders is not None:
            result = len(binders) == 1 and range_bound(binders[0])
            break
        current = w.comp_parents.get(id(current))
    for key in visited:
        proofs[key] = result
    return result


def _binders(comp: ast.AST, w: _Walk) -> dict[str, list[ast.comprehension]]:
    """Each name the generators of `comp` bind -> those generators (made once per comp)."""
    found = w.comp_binders.get(id(comp))
    if found is None:
        found = {}
        for generator in comp.generators:  # type: ignore[attr-defined]
            for target in ast.walk(generator.target):
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(generator)
        w.comp_binders[id(comp)] = found
    return found


def _numeric(node: ast.AST) -> bool:
    # `x + 1`: a numeric literal operand means no concatenation can happen.
    return isinstance(node, ast.Constant) and type(node.value) in (int, float, complex)


def _wide_percent(template: str | bytes) -> bool:
    text = template if isinstance(template, str) else template.decode("latin-1")
    return "*" in text or wide_format_spec(text)


# --- imports ----------------------------------------------------------------------------------
@_on(ast.Import)
def _import(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.Import)
    bad = False
    for alias in node.names:
        for part in alias.name.split("."):
            if is_dunder(part):
                w.report("PC102", alias, name=alias.name)
                bad = True
        if alias.asname is not None and is_dunder(alias.asname):
            w.report("PC102", alias, name=alias.asname)
            bad = True
    if not bad:
        w.site(IMPORT, node, ctx.parent, ctx.field, ctx.slot)


@_on(ast.ImportFrom)
def _import_from(node: ast.AST, ctx: _Ctx, w: _Walk) -> None:
    assert isinstance(node, ast.ImportFrom)
    if node.module == "__future__":
        for alias in node.names:
            if alias.name not in _FUTURE_OK or alias.asname is not None:
                w.report("PC112", alias, name=alias.name)
        return  # kept as is: the compiler needs to see it
    if node.level:
        w.report("PC108", node)
        return
    if any(a.name == "*" for a in node.names) and not isinstance(ctx.scope, _MODULE_SCOPES):
        # CPython's compiler refuses it; the rewrite into a guard call would hide that.
        w.report("PC001", node, detail="import * only allowed at module level")
    bad = False
    for part in (node.module or "").split("."):
        if is_dunder(part):
            w.report("PC102", node, name=node.module)
            bad = True
    for alias in node.names:
        for name in (alias.name, alias.asname):
            if name is not None and is_dunder(name):
                w.report("PC102", alias, name=name)
                bad = True
    if not bad:
        w.site(IMPORT, node, ctx.parent, ctx.field, ctx.slot)


# --- the walk ---------------------------------------------------------------------------------
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
#: Fields of a scope node that are evaluated in the enclosing scope.
_OUTER_FIELDS = frozenset({"decorator_list", "bases", "keywords", "returns", "args", "type_params"})


#: Fields that hold identifiers, strings, numbers or constants, never nodes: the walk skips
#: them. `tests/test_check_walk.py` checks this against parsed corpora.
SCALAR_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Constant", "value"), ("Constant", "kind"), ("Name", "id"), ("Attribute", "attr"),
        ("arg", "arg"), ("arg", "type_comment"), ("keyword", "arg"), ("alias", "name"),
        ("alias", "asname"), ("Global", "names"), ("Nonlocal", "names"),
        ("ImportFrom", "module"), ("ImportFrom", "level"), ("FunctionDef", "name"),
        ("FunctionDef", "type_comment"), ("AsyncFunctionDef", "name"),
        ("AsyncFunctionDef", "type_comment"), ("ClassDef", "name"), ("ExceptHandler", "name"),
        ("MatchAs", "name"), ("MatchStar", "name"), ("MatchMapping", "rest"),
        ("MatchClass", "kwd_attrs"), ("MatchSingleton", "value"), ("FormattedValue", "conversion"),
        ("comprehension", "is_async"), ("AnnAssign", "simple"), ("Assign", "type_comment"),
        ("For", "type_comment"), ("AsyncFor", "type_comment"), ("With", "type_comment"),
        ("AsyncWith", "type_comment"),
    }
)


def _child_fields(name: str, fields: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """(field, evaluated-in-outer-scope) for the fields that can hold nodes, last first."""
    return tuple((f, f in _OUTER_FIELDS) for f in reversed(fields) if (name, f) not in SCALAR_FIELDS)


def check_tree(tree: ast.AST, limits: Limits, defer: bool = False) -> Checked:
    """Walk `tree` once, iteratively; report every violation and every rewrite site.

    With `defer`, also find the functions whose bodies may be compiled on their first call
    (`Checked.deferred`); the violations and sites are the same either way."""
    w = _Walk()
    out = w.out
    table = reviewed_table()
    # Node classes seen to match the table, mapped to their node-bearing fields; anything
    # else takes the slow path in `_review` every time it appears.
    known = _KNOWN.setdefault(id(table), {})
    max_depth = limits.depth
    max_nodes = limits.nodes
    # Stack entries: (node, parent, field, index, scope, depth, free); a _Ctx is built only
    # for the node types that have rules, which keeps the walk cheap on large literals.
    stack: list[tuple[Any, Any, Any, int, Any, int, int, Any, Any]] = [
        (tree, None, None, -1, tree, 1, FREE, None, None)]
    sites = out.sites
    # Deferral: class statements whose scope chain is the module and classes only (their
    # methods may be deferred), and the deferred functions found so far.
    defer = defer and isinstance(tree, ast.Module) and not any(
        isinstance(s, ast.ImportFrom) and s.module == "__future__" for s in tree.body)
    module_classes: set[int] = set()
    deferred = out.deferred
    push = stack.append
    pop = stack.pop
    leaf_types = _LEAF_TYPES
    scope_types = _SCOPE_TYPES
    bound_types = _NOT_FREE_TYPES
    bound_fields = _NOT_FREE_FIELDS
    checks = _CHECKS
    name_type = ast.Name
    new_tuple = tuple.__new__
    AST = ast.AST
    nodes = 0
    deepest = 0
    while stack:
        node, parent, pfield, pindex, pscope, depth, free, comp, lz = pop()
        cls = type(node)
        if cls is Edge:  # the start or end of a deferred body: not a node of the source
            if node.end:
                node.deferred.end = len(sites)
                if len(w.eager) != node.deferred.eager:
                    node.deferred.ok = False
            else:
                node.deferred.start = len(sites)
                node.deferred.eager = len(w.eager)
            continue
        nodes += 1
        if depth > deepest:
            deepest = depth
            if depth > max_depth:
                w.report("PC003", node, limit=max_depth)
                break
        if nodes > max_nodes:
            w.report("PC004", None, limit=max_nodes)
            break
        children = known.get(cls)
        if children is None:
            children = _review(node, table, w, known)
        fns = checks.get(cls)
        if cls is name_type and node.id[:1] != "_" and node.id != "super":
            fns = None  # the common name: nothing for `_name` to check
        if fns is not None:
            if hasattr(node, "lineno"):
                w.anchor = node
            # (tuple.__new__: the named tuple's own constructor is a Python function.)
            ctx = new_tuple(_Ctx, (parent, pfield, pindex, pscope, free, comp))
            for fn in fns:
                fn(node, ctx, w)
        body_field = None  # the field of this node that starts a deferred body
        if lz is not None:
            if cls in WATCHED or depth > lz.limit:
                watch(node, parent, pfield, pscope, comp, depth, lz)
        elif defer and (pscope is tree or id(pscope) in module_classes):
            if cls is ast.FunctionDef:
                # (Its own sites, the entry tick, were just registered.)
                own = [i for i in range(len(sites) - 1, max(len(sites) - 4, -1), -1)
                       if sites[i].node is node]
                body_lz = Deferred(node, parent, pfield, pindex, depth + MAX_DEFERRED_DEPTH,
                                   _classes(pscope, tree, w), own)
                deferred.append(body_lz)
                body_field = _BODY
            elif cls is ast.ClassDef:
                module_classes.add(id(node))
                w.class_parents[id(node)] = pscope
        scope = node if cls in scope_types else pscope
        depth += 1
        if free and cls in bound_types:
            free = MODULE_FREE  # inside a comprehension: only shapes with nothing in between
        comprehension = cls is ast.comprehension
        # The comprehension scope the children are evaluated in: a comprehension opens one
        # (its first iterable is still evaluated outside it); a function, lambda or class
        # leaves every comprehension's scope.
        child_comp = comp
        outer_comp = comp
        if cls in bound_types:
            w.comp_parents[id(node)] = comp
            child_comp = node
            level = w.comp_levels.get(id(comp), 0) + 1 if comp is not None else 1
            w.comp_levels[id(node)] = level
            if level == MAX_COMPREHENSION_NESTING + 1:
                w.report("PC003", node, limit=f"{MAX_COMPREHENSION_NESTING} for comprehensions "
                         "inside comprehensions")
        elif cls in scope_types:
            child_comp = outer_comp = None
        elif comprehension and pindex == 0:
            outer_comp = w.comp_parents.get(id(parent))
        for fld, outer in children:
            value = getattr(node, fld, None)
            if value is None:
                continue
            if fld is body_field:
                # A deferred body: its statements carry the record, between two edges
                # that note its range of sites. (A function's statements: FREE, no
                # comprehension, the function's scope.)
                push((Edge(body_lz, True), None, None, -1, None, depth, 0, None, None))
                for i in range(len(value) - 1, -1, -1):
                    push((value[i], node, fld, i, node, depth, free, None, body_lz))
                push((Edge(body_lz, False), None, None, -1, None, depth, 0, None, None))
                continue
            child_free = NOT_FREE if fld in bound_fields or (comprehension and fld == "iter") \
                else free
            fld_comp = outer_comp if outer or (comprehension and fld == "iter") else child_comp
            if type(value) is list:
                child_scope = pscope if outer else scope
                for i in range(len(value) - 1, -1, -1):
                    item = value[i]
                    if type(item) not in leaf_types and isinstance(item, AST):
                        push((item, node, fld, i, child_scope, depth, child_free, fld_comp, lz))
            elif type(value) not in leaf_types and isinstance(value, AST):
                push((value, node, fld, -1, pscope if outer else scope, depth, child_free,
                      fld_comp, lz))
    out.nodes = nodes
    out.depth = deepest
    if defer:
        for d in deferred:
            if d.ok and d.jumps:
                d.ok = statements_ok(d.node.body)
        out.deferred = [d for d in deferred if d.ok and d.end >= 0]
    return out



#: The field name as `_fields` holds it (interned), for an identity test in the walk.
_BODY = sys.intern("body")


def _classes(scope: ast.AST, tree: ast.AST, w: _Walk) -> tuple[ast.ClassDef, ...]:
    """The class statements enclosing a module-level function, outermost first."""
    chain: list[ast.ClassDef] = []
    while scope is not tree:
        assert isinstance(scope, ast.ClassDef)
        chain.append(scope)
        scope = w.class_parents[id(scope)]
    return tuple(reversed(chain))


_SCOPE_TYPES = frozenset(_SCOPES)
#: Comprehensions nested in one another's scope (element, `if` clauses, later iterables; not
#: the first iterable, which runs outside) beyond this are refused, whatever the policy's
#: depth: CPython 3.12.1 and 3.13.0 crash (SIGSEGV) compiling list, set and dict
#: comprehensions nested 21 to 23 deep, which they inline into one code object (PEP 709).
MAX_COMPREHENSION_NESTING = 16
#: Where the rewriter's `:=` temporaries are refused by the compiler (comprehension
#: iterables, comprehensions in class bodies, annotations under `from __future__ import
#: annotations`, type parameters) or could be shared between generators of one site
#: (comprehensions: MODULE_FREE shapes only).
_NOT_FREE_TYPES = frozenset({ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp})
_NOT_FREE_FIELDS = frozenset({"annotation", "returns", "type_params", "bound",
                              "default_value"})
#: Per reviewed table: node classes seen to match it, with their node-bearing fields.
_KNOWN: dict[int, dict[type, tuple[tuple[str, bool], ...]]] = {}


def _review(node: ast.AST, table: dict[str, tuple[str, ...]], w: _Walk,
            known: dict[type, tuple[tuple[str, bool], ...]]) -> tuple[tuple[str, bool], ...]:
    """Check a node class against the table (reporting it if it does not match) and return
    the fields to descend into. Only genuine `ast` classes that match are remembered."""
    cls = type(node)
    name = cls.__name__
    fields = table.get(name)
    children = _child_fields(name, node._fields)
    if fields is None:
        denied = DENIED_BY_RULE.get(name)
        if denied is not None:
            w.report(denied[0], node, name=denied[1])
        else:
            w.report("PC100", node, kind=name, detail="")
    elif node._fields != fields:
        extra = sorted(set(node._fields) ^ set(fields))
        w.report("PC100", node, kind=name, detail=f" (unreviewed fields: {', '.join(extra)})")
    elif getattr(ast, name, None) is cls:
        known[cls] = children
    return children


def iter_rule_ids() -> Iterator[str]:
    """Rule ids this checker can report (for the catalogue test)."""
    yield from ("PC003", "PC004", "PC100", "PC101", "PC102", "PC103", "PC104", "PC105",
                "PC106", "PC107", "PC108", "PC109", "PC110", "PC111", "PC112")
