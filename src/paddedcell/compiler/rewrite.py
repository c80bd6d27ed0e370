"""Rewrite: insert runtime guards at the sites the checker found, and nowhere else.

Guards are referenced by names that no source can spell (`.read`, `.write`, ...): `ast.Name`
accepts any string, so untrusted code can neither call nor rebind them. Public attribute reads,
calls, subscripts and arithmetic are left as native bytecode.

| site    | before            | after                                   |
|---------|-------------------|-----------------------------------------|
| read    | `f()._x`          | `.read(f(), '_x')._x`   (ownership check) |
| read    | `o._x` (a name)   | `(o if .type(o) in .owned else .read(o, '_x'))._x` |
| getattr | `s.format`        | `.getattr(s, 'format')`                  |
| write   | `f().x = v`       | `.write(f(), 'x').x = v` (evaluation order kept) |
| write   | `o.x = v` (a name)| `(o if .type(o) in .owned else .write(o, 'x')).x = v` |

When the object is a plain name, the common case (an instance of a class the cell defined) is
decided inline by a C-level set lookup, with no Python call; loading a name twice has no side
effects. Anything else falls back to the guard, which decides the rest (classes, functions,
`super()`, denials).
| import  | `import a.b as c` | `c = .import('a.b', True)`               |
| single  | `expr` (top level)| `.display(expr)`                         |
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable
from typing import Any, TypeVar

from .check import (
    COSTLY,
    FREE,
    FSPEC,
    GETATTR,
    HANDLER,
    IMPORT,
    MATCH,
    MODULE_FREE,
    READ,
    READ_PRIVATE,
    SIZED,
    TICK,
    WRITE,
    Site,
    range_bound,
)

_METERING = frozenset({TICK, HANDLER, COSTLY, SIZED, FSPEC})

# The unspellable guard names. A leading dot can never start a Python identifier.
G_READ = ".read"
G_GETATTR = ".getattr"
G_WRITE = ".write"
G_IMPORT = ".import"
G_IMPORT_FROM = ".import_from"
G_IMPORT_STAR = ".import_star"
G_DISPLAY = ".display"
G_TYPE = ".type"  # the real `type`, for the inline ownership test
G_OWNED = ".owned"  # the set of classes the cell created
G_MATCH_CLASS = ".match_class"  # vets the class of a positional class pattern
G_DEFER = ".defer"  # turns an error into a class that raises it when a pattern tries it
G_MATCH_ERRORS = ".match_errors"  # (NameError, AttributeError), out of the cell's reach
# Metering (only when the policy sets run-time limits):
G_NEXT = ".next"  # builtins.next
G_TICKS = ".ticks"  # the current budget's C-level ticker
G_CATCHABLE = ".catchable"  # except clauses: re-raises LimitExceeded
G_BASE_EXC = ".base_exc"  # BaseException, for bare except clauses
G_ALIVE = ".alive"  # the current budget's live marker: a set, emptied when it runs out
G_EXCEPTION = ".exception"  # sys.exception: the exception being matched
G_FATAL = ".fatal"  # exception types that may mean exhaustion (RecursionError, MemoryError)
G_SUPER = ".super"  # the real super type, for the inline `super().__init__` test
G_SEQS = ".seqs"  # str, bytes, list, tuple: exact types whose len() is honest
G_ISEQS = ".iseqs"  # str, bytes, tuple: those where `x += y` is `x = x + y` (no list)
G_LEN = ".len"  # the real len
#: Concatenations of exact sequences shorter than this in all stay native: up to 64 KiB of
#: str/bytes (which the meter would not charge either) or 64K list/tuple items (512 KiB of
#: pointers, more than the meter's own threshold but bounded); longer ones, and doubling
#: loops, reach the meter.
SHORT_CONCAT = 1 << 16
G_NUM = ".num"  # the numeric types, for the inline fast path of `*`
G_FNUM = ".fnum"  # float and complex: a power with one of them cannot build a huge int
G_FACTOR = ".factor"  # charges augmented `*=`/`**=`/`<<=` on attributes and items
G_SIZED = ".sized"
G_CALL = ".call"
G_FSTRING = ".fstring"
G_ZIP = ".zip"  # builtins.zip: pairs each loop item with a tick
G_INTS = ".ints"  # a comprehension's `range(...)`: a range, or every item checked a number
G_TICK_SINK = ".t"  # the loop target that receives the tick
OPERAND_TEMP = ".o"  # `.o0`, `.o1`, ...: operands bound with `:=` for an inline type test
#: Guard names the hot paths read; the Cell keeps them in the cell's globals too, because
#: module-level code finds a name there with one dict lookup (builtins cost three).
HOT_NAMES = (".next", ".ticks", ".zip", ".type", ".num", ".owned", ".alive", ".exception",
             ".fatal")
G_ADD = ".add"
_COSTLY_GUARDS = {ast.Mult: ".mul", ast.Pow: ".pow", ast.LShift: ".lshift", ast.Mod: ".mod",
                  ast.Add: ".add"}
_AUG_GUARDS = {ast.Mult: ".imul", ast.Pow: ".ipow", ast.LShift: ".ilshift", ast.Add: ".iadd"}

GUARD_NAMES = (G_READ, G_GETATTR, G_WRITE, G_IMPORT, G_IMPORT_FROM, G_IMPORT_STAR, G_DISPLAY,
               G_TYPE, G_OWNED, G_MATCH_CLASS, G_DEFER, G_MATCH_ERRORS, G_NEXT, G_TICKS,
               G_CATCHABLE, G_BASE_EXC, G_ALIVE, G_EXCEPTION, G_FATAL, G_NUM, G_FNUM, G_FACTOR,
               G_SIZED, G_CALL, G_FSTRING, G_ZIP, G_INTS, G_SUPER, G_SEQS, G_ISEQS, G_LEN,
               *_COSTLY_GUARDS.values(), *_AUG_GUARDS.values())

N = TypeVar("N", bound=ast.AST)


def at(new: N, old: ast.AST) -> N:
    """Give `new` and the nodes created with it the position of `old`.

    Descends only into nodes that lack a position, never into an existing subtree (that
    would make nested rewrites quadratic). This runs for every node the rewriter makes, so
    it sets the four fields in one dict update and visits only fields that can hold nodes."""
    position = {"lineno": old.lineno, "col_offset": old.col_offset,  # type: ignore[attr-defined]
                "end_lineno": getattr(old, "end_lineno", None),
                "end_col_offset": getattr(old, "end_col_offset", None)}
    children = _CHILD_FIELDS
    todo: list[ast.AST] = [new]
    pop, push = todo.pop, todo.append
    while todo:
        node = pop()
        node.__dict__.update(position)
        for field in children[type(node)]:
            value: Any = getattr(node, field, None)
            if type(value) is list:
                for v in value:
                    if type(v) in children and "lineno" not in v.__dict__:
                        push(v)
            elif type(value) in children and "lineno" not in value.__dict__:
                push(value)
    return new


#: Node classes that carry a position (contexts and operators do not).
_POSITIONED = (ast.expr, ast.stmt, ast.excepthandler, ast.arg, ast.keyword, ast.alias,
               ast.pattern)


def _concrete(base: type) -> set[type]:
    found: set[type] = set()
    sub: type
    for sub in base.__subclasses__():
        found.add(sub)
        found |= _concrete(sub)
    return found


#: Fields that never hold a positioned node (names, operators, flags); `names` and `cls` do
#: (Import's aliases, a class pattern's class) and so are not here.
_SCALAR_FIELDS = frozenset({"id", "ctx", "op", "ops", "attr", "kind", "conversion", "is_async",
                            "simple", "level", "module", "type_comment", "asname", "arg",
                            "name", "rest"})

#: Every concrete class of `_POSITIONED`, with the fields of it that may hold such nodes.
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {
    cls: () if cls is ast.Constant else tuple(
        f for f in cls._fields if f not in _SCALAR_FIELDS)  # type: ignore[attr-defined]
    for cls in set().union(*(_concrete(b) for b in _POSITIONED))
}


def _call(guard: str, *args: ast.expr) -> ast.Call:
    return ast.Call(func=ast.Name(id=guard, ctx=ast.Load()), args=list(args), keywords=[])


def _const(value: Any) -> ast.Constant:
    return ast.Constant(value=value)


def _type_in(value: ast.expr, kinds: str) -> ast.Compare:
    """`.type(value) in <kinds>`: an exact-type test against a set of the runtime's."""
    return ast.Compare(left=_call(G_TYPE, value), ops=[ast.In()], comparators=[_name(kinds)])


def _owned_or(name: str, fallback: ast.expr) -> ast.IfExp:
    """`name if .type(name) in .owned else <fallback>`."""
    return ast.IfExp(test=_type_in(_name(name), G_OWNED), body=_name(name), orelse=fallback)


def _getattr_site(node: ast.Attribute, free: int, fresh: Fresh) -> ast.expr:
    """`.getattr(o, name)`, with inline fast paths for the two common reads on the cell's own
    objects: `o.__class__` of an owned instance is `type(o)` (a cell class cannot define or
    assign `__class__`), and `super(...).__init__` whose class is the cell's, bound to an
    instance, is native."""
    obj, name = node.value, node.attr
    if name == "__class__" and isinstance(obj, ast.Name):
        return ast.IfExp(test=_type_in(_name(obj.id), G_OWNED), body=_call(G_TYPE, _name(obj.id)),
                         orelse=_call(G_GETATTR, _name(obj.id), _const(name)))
    if name == "__init__" and free >= MODULE_FREE and _plain_super(obj):
        temp = fresh()
        bound = ast.NamedExpr(target=ast.Name(id=temp, ctx=ast.Store()), value=obj)
        owned_super = ast.BoolOp(op=ast.And(), values=[
            ast.Compare(left=_call(G_TYPE, bound), ops=[ast.Is()], comparators=[_name(G_SUPER)]),
            ast.Compare(left=ast.Attribute(value=_name(temp), attr="__thisclass__",
                                           ctx=ast.Load()),
                        ops=[ast.In()], comparators=[_name(G_OWNED)]),
            # `super(A, A).__init__` is unbound (any class's `__init__`): the guard wraps it.
            ast.Compare(left=ast.Attribute(value=_name(temp), attr="__self__", ctx=ast.Load()),
                        ops=[ast.IsNot()],
                        comparators=[ast.Attribute(value=_name(temp), attr="__self_class__",
                                                   ctx=ast.Load())])])
        return ast.IfExp(test=owned_super,
                         body=ast.Attribute(value=_name(temp), attr=name, ctx=ast.Load()),
                         orelse=_call(G_GETATTR, _name(temp), _const(name)))
    return _call(G_GETATTR, obj, _const(name))


def _plain_super(node: ast.expr) -> bool:
    """`super()` or `super(A, b)` with plain names: a call of the builtin (if `super` is
    rebound, the type test sends the read to the guard)."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "super" and not node.keywords
            and all(isinstance(a, ast.Name) for a in node.args))


def _replace(site: Site, new: ast.AST) -> None:
    parent, fld = site.parent, site.field
    assert parent is not None and fld is not None
    if site.slot >= 0:
        getattr(parent, fld)[site.slot] = new
    else:
        setattr(parent, fld, new)


def _import_stmt(node: ast.Import | ast.ImportFrom) -> ast.stmt:
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if len(node.names) == 1 and node.names[0].name == "*":
            return at(ast.Expr(value=_call(G_IMPORT_STAR, _const(module))), node)
        names = tuple(a.name for a in node.names)
        targets = [ast.Name(id=a.asname or a.name, ctx=ast.Store()) for a in node.names]
        value = _call(G_IMPORT_FROM, _const(module), _const(names))
        return at(ast.Assign(targets=[ast.Tuple(elts=list(targets), ctx=ast.Store())], value=value), node)
    stmts: list[ast.stmt] = []
    for alias in node.names:
        if alias.asname is not None:
            target, leaf = alias.asname, True
        else:
            target, leaf = alias.name.partition(".")[0], False
        value = _call(G_IMPORT, _const(alias.name), _const(leaf))
        stmts.append(at(ast.Assign(targets=[ast.Name(id=target, ctx=ast.Store())], value=value), alias))
    if len(stmts) == 1:
        return stmts[0]
    # `import a, b`: bind each in order; `if True:` compiles to the bare statements.
    return at(ast.If(test=_const(True), body=stmts, orelse=[]), node)


def _checked_match(node: ast.Match, temps: itertools.count[int]) -> ast.stmt:
    """Positional class patterns (`case C(a, b)`) read `C.__match_args__` natively on the
    subject, whatever it is: a library or supervisor class may name private attributes there.
    So each such class is evaluated before the match into an unspellable temporary, vetted by
    `.match_class`, and the pattern refers to the temporary. An error while evaluating it
    (an undefined name in a case that may never be tried) is deferred to when the case is
    tried, as CPython would raise it.

        try:
            .m0 = C
        except (NameError, AttributeError) as .e:
            .m0 = .defer(.e)
        .m0 = .match_class(.m0, 2)
        match subject:
            case .m0(a, b): ...
    """
    prelude: list[ast.stmt] = []
    for case in node.cases:
        for pattern in ast.walk(case.pattern):
            if not (isinstance(pattern, ast.MatchClass) and pattern.patterns):
                continue
            temp = f".m{next(temps)}"
            cls = pattern.cls
            errors = ast.Name(id=G_MATCH_ERRORS, ctx=ast.Load())
            prelude.append(at(ast.Try(
                body=[ast.Assign(targets=[ast.Name(id=temp, ctx=ast.Store())], value=cls)],
                handlers=[ast.ExceptHandler(type=errors, name=".e", body=[ast.Assign(
                    targets=[ast.Name(id=temp, ctx=ast.Store())],
                    value=_call(G_DEFER, ast.Name(id=".e", ctx=ast.Load())))])],
                orelse=[], finalbody=[]), cls))
            prelude.append(at(ast.Assign(
                targets=[ast.Name(id=temp, ctx=ast.Store())],
                value=_call(G_MATCH_CLASS, ast.Name(id=temp, ctx=ast.Load()),
                            _const(len(pattern.patterns)))), cls))
            pattern.cls = at(ast.Name(id=temp, ctx=ast.Load()), cls)
    if not prelude:
        return node
    return at(ast.If(test=_const(True), body=[*prelude, node], orelse=[]), node)


def _name(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load())


def _tick() -> ast.Call:
    return _call(G_NEXT, _name(G_TICKS))


def _simple(node: ast.expr) -> bool:
    """Loading it twice has no side effects and gives the same value."""
    return isinstance(node, ast.Name) or (isinstance(node, ast.Constant)
                                          and type(node.value) in (int, float, complex, bool))


def _copy(node: ast.expr) -> ast.expr:
    """A fresh node loading the same simple value (a name, a constant, or `.o[i]`)."""
    if isinstance(node, ast.Name):
        return at(_name(node.id), node)
    if isinstance(node, ast.Subscript):
        assert isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant)
        return ast.Subscript(value=_name(node.value.id), slice=_const(node.slice.value),
                             ctx=ast.Load())
    assert isinstance(node, ast.Constant)
    return at(_const(node.value), node)


#: The inline fast path of `+` puts the right operand in both branches: only small ones, so
#: nested sums cannot double the code at every level.
_SMALL_OPERAND = 40


def _small(node: ast.AST) -> bool:
    """At most `_SMALL_OPERAND` nodes (contexts and operators included), counted until the
    bound is passed."""
    count = 0
    todo = [node]
    while todo:
        current = todo.pop()
        count += 1
        if count > _SMALL_OPERAND:
            return False
        for field in current._fields:
            value = getattr(current, field, None)
            if type(value) is list:
                todo.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                todo.append(value)
    return True


def _numeric(names: list[str], loc: ast.AST) -> ast.expr:
    """`.type(a) in .num and .type(b) in .num ...` for the given names."""
    tests: list[ast.expr] = [at(_type_in(_name(n), G_NUM), loc) for n in names]
    return tests[0] if len(tests) == 1 else at(ast.BoolOp(op=ast.And(), values=tests), loc)


Fresh = Callable[[], str]


def _bind(side: ast.expr, fresh: Fresh, keep: bool = False) -> tuple[ast.expr, ast.expr]:
    """(how to evaluate `side` once for the test, how to load it afterwards): a simple side
    is loaded again (unless `keep`: code evaluated after it could rebind the name); anything
    else is bound to a fresh temporary with `:=`."""
    if _simple(side) and not (keep and isinstance(side, ast.Name)):
        return side, _copy(side)
    temp = fresh()
    bound = at(ast.NamedExpr(target=ast.Name(id=temp, ctx=ast.Store()), value=side), side)
    return bound, at(_name(temp), side)


def _is_number(first: ast.expr, loc: ast.AST) -> ast.expr:
    return at(_type_in(first, G_NUM), loc)


def _numeric_constant(node: ast.expr) -> bool:
    """A number written in the source: it needs no type test."""
    return isinstance(node, ast.Constant) and _simple(node)


def _native_or(node: ast.BinOp | ast.AugAssign, test: ast.expr, left: ast.expr,
               right: ast.expr, guard: str) -> ast.IfExp:
    """`left <op> right if test else <guard>(left, right)`, `left`/`right` being loads
    (names, constants or temporaries) of operands already evaluated."""
    return ast.IfExp(test=test, body=at(ast.BinOp(left=left, op=node.op, right=right), node),
                     orelse=_call(guard, _copy(left), _copy(right)))


def _evaluated(bound: ast.expr, load: ast.expr, loc: ast.AST) -> ast.expr:
    """`(.o := v) is .o`: always True; evaluates `v` at this point of the test."""
    return at(ast.Compare(left=bound, ops=[ast.Is()], comparators=[_copy(load)]), loc)


def _add_ok(number: ast.expr, left: ast.expr, right: ast.expr, loc: ast.AST,
            augmented: bool = False) -> ast.expr:
    """`<number test> or (.type(l) in .seqs and .type(r) in .seqs and .len(l) + .len(r) <
    SHORT_CONCAT)`: a number plus anything cannot concatenate, and two short exact sequences
    cannot make a long one. `left`/`right` are loads (names, constants or `.o[i]`)."""
    # `x += y` rewritten as `x = x + y` must not take a list: its `+=` extends in place.
    return at(ast.BoolOp(op=ast.Or(), values=[
        number, _short_sequences(left, right, G_ISEQS if augmented else G_SEQS)]), loc)


def _short_sequences(left: ast.expr, right: ast.expr, kinds: str) -> ast.BoolOp:
    """`.type(l) in <kinds> and .type(r) in <kinds> and .len(l) + .len(r) < SHORT_CONCAT`
    (`left`/`right` are loads of evaluated operands)."""
    short = ast.Compare(left=ast.BinOp(left=_call(G_LEN, _copy(left)), op=ast.Add(),
                                       right=_call(G_LEN, _copy(right))),
                        ops=[ast.Lt()], comparators=[_const(SHORT_CONCAT)])
    return ast.BoolOp(op=ast.And(), values=[
        _type_in(_copy(left), kinds), _type_in(_copy(right), kinds), short])


def _both(first: ast.expr, second: ast.expr, loc: ast.AST) -> ast.expr:
    """`first & second`: both evaluated, in order (`and` would skip the second)."""
    return at(ast.BinOp(left=first, op=ast.BitAnd(), right=second), loc)


def _bound_then_tested(sides: list[ast.expr], numbers: list[bool], fresh: Fresh,
                       loc: ast.AST, augmented: bool = False) -> tuple[ast.expr, list[ast.expr]]:
    """For module level: `(.o := (a, b))` evaluates the sides in order into one tuple, bound
    in one step; the tests and the operation then only index it. Module code can run again
    in the same globals while a side is evaluated (and rebind a temporary), but nothing runs
    between the binding and its uses, so each run tests and uses its own operands."""
    temp = fresh()
    bound = ast.NamedExpr(target=ast.Name(id=temp, ctx=ast.Store()),
                          value=ast.Tuple(elts=sides, ctx=ast.Load()))
    loads: list[ast.expr] = [
        ast.Subscript(value=_name(temp), slice=_const(i), ctx=ast.Load()) for i in range(len(sides))]
    tests: list[ast.expr] = []
    first = True
    for i, (side, number) in enumerate(zip(sides, numbers, strict=True)):
        if not number or _numeric_constant(side):
            continue
        item: ast.expr = ast.Subscript(value=bound if first else _name(temp), slice=_const(i),
                                       ctx=ast.Load())
        first = False
        tests.append(_is_number(item, loc))
    if first:  # nothing to test: the tuple is still bound, and proves itself
        tests.append(_evaluated(bound, at(_name(temp), loc), loc))
    test = tests[0] if len(tests) == 1 else at(ast.BoolOp(op=ast.And(), values=tests), loc)
    if numbers == [True, False]:  # `+`: or two short exact sequences
        test = _add_ok(test, loads[0], loads[1], loc, augmented)
    return test, loads


#: `x ** k` with a constant integer exponent up to this stays native for numbers: the result
#: is at most this many times the size of `x`, like a few multiplications.
_SMALL_EXPONENT = 4


def _power_test(left: ast.expr, right: ast.expr, original_right: ast.expr,
                loc: ast.AST) -> ast.expr:
    """The inline test of `a ** b` (loads of both sides): a float or complex on either side
    cannot build a huge int (the result is a float, a complex or an OverflowError); a small
    constant integer exponent of a number is a few multiplications."""
    exponent = original_right
    if isinstance(exponent, ast.UnaryOp) and isinstance(exponent.op, (ast.USub, ast.UAdd)):
        exponent = exponent.operand  # `x ** -1.5`: the sign does not change the size
    if isinstance(exponent, ast.Constant) and ((type(exponent.value) is int
                                               and abs(exponent.value) <= _SMALL_EXPONENT)
                                              or type(exponent.value) is float):
        return at(_type_in(_copy(left), G_NUM), loc)
    return at(ast.BoolOp(op=ast.Or(), values=[_type_in(_copy(left), G_FNUM), ast.BoolOp(
        op=ast.And(), values=[_type_in(_copy(left), G_NUM), _type_in(_copy(right), G_FNUM)])]),
        loc)


def _costly_power(node: ast.BinOp, free: int, fresh: Fresh) -> ast.expr | None:
    """`a ** b` with an inline test (see _power_test), or None where no form is safe."""
    left, right = node.left, node.right
    guard = _COSTLY_GUARDS[ast.Pow]
    if _simple(left) and _simple(right):
        test = _power_test(left, right, right, node)
        return ast.IfExp(test=test, body=node, orelse=_call(guard, _copy(left), _copy(right)))
    if free == FREE or (free == MODULE_FREE and _simple(right)):
        # Inside a function each side may be bound in turn (frame locals); elsewhere only
        # when nothing runs between binding the left side and its use.
        first, lload = _bind(left, fresh, keep=not _simple(right))
        second, rload = _bind(right, fresh)
        evaluated: list[ast.expr] = []
        if isinstance(first, ast.NamedExpr):
            evaluated.append(_evaluated(first, lload, node))
        if isinstance(second, ast.NamedExpr):
            evaluated.append(_evaluated(second, rload, node))
        test = at(ast.BoolOp(op=ast.And(), values=[
            *evaluated, _power_test(lload, rload, right, node)]), node)
    elif free == MODULE_FREE:
        bound, loads = _bound_then_tested([left, right], [False, False], fresh, node)
        lload, rload = loads
        test = at(ast.BoolOp(op=ast.And(), values=[
            bound, _power_test(lload, rload, right, node)]), node)
    else:
        return None
    return _native_or(node, test, lload, rload, guard)


def _costly_binop(node: ast.BinOp, free: int, fresh: Fresh,
                  numbers: frozenset[str] = frozenset()) -> ast.expr:
    """`a * b`, `a + b`, `a ** b`, `a << b`, wide `%`: the numeric case stays native where an
    inline type test can decide it; the rest goes through the meter's guard. `numbers` are
    operand names the checker proved to hold numbers: they need no test."""
    op = type(node.op)
    guard = _COSTLY_GUARDS[op]
    left, right = node.left, node.right
    if op is ast.Pow:
        power = _costly_power(node, free, fresh)
        if power is not None:
            return power
    if op is ast.Add and isinstance(left, ast.Name) and not _simple(right) and _small(right):
        # A number plus anything cannot concatenate, so testing the left name is enough;
        # the right side is evaluated once, in whichever branch runs.
        return ast.IfExp(test=_numeric([left.id], node), body=node,
                         orelse=_call(guard, _copy(left), right))
    if op in (ast.Mult, ast.Add) and _simple(left) and _simple(right):
        names = list(dict.fromkeys(side.id for side in (left, right)
                                   if isinstance(side, ast.Name) and side.id not in numbers))
        if not names:
            return node  # (the checker makes no site for two known numbers)
        test = _numeric(names, node)
        if op is ast.Add:
            test = _add_ok(test, left, right, node)
        return ast.IfExp(test=test, body=node, orelse=_call(guard, _copy(left), _copy(right)))
    if op is ast.Add and ((free >= MODULE_FREE and _simple(right))
                          or (free == FREE and _small(right))):
        # `f(x) + y`: bind the left side, test it; the right side is evaluated once, in
        # whichever branch runs.
        first, load = _bind(left, fresh)
        again = _copy(right) if _simple(right) else right
        test = _is_number(first, node)
        orelse: ast.expr = _call(guard, _copy(load), again)
        if _simple(right):
            test = _add_ok(test, load, right, node)
        elif free == FREE:
            # Not a number on the left: the right side is evaluated (once, here) and two
            # short exact sequences still concatenate natively (string building in a
            # function); anything else goes to the guard.
            bound, later = _bind(right, fresh)
            orelse = at(ast.IfExp(
                test=ast.BoolOp(op=ast.And(), values=[
                    _evaluated(bound, later, node),
                    *_short_sequences(load, later, G_SEQS).values]),
                body=ast.BinOp(left=_copy(load), op=node.op, right=_copy(later)),
                orelse=_call(guard, _copy(load), _copy(later))), node)
        return ast.IfExp(test=test,
                         body=at(ast.BinOp(left=load, op=node.op, right=right), node),
                         orelse=orelse)
    if free == FREE and op is ast.Add:
        # A large right side: bind both, test the left (a number plus anything cannot
        # concatenate), evaluate the right once inside the test.
        first, load = _bind(left, fresh, keep=True)
        bound, later = _bind(right, fresh)
        evaluated = _both(_evaluated(first, load, node), _evaluated(bound, later, node), node)
        test = at(ast.BoolOp(op=ast.And(), values=[
            evaluated, _add_ok(_is_number(_copy(load), node), load, later, node)]), node)
        return _native_or(node, test, load, later, guard)
    if op is ast.Mult and (free == FREE or (free == MODULE_FREE and _simple(right))):
        # (At module level only when the right side is simple: nothing runs between
        # binding the left side and using it.)
        # Both sides must be numbers (`3 * "ab"` repeats). `&` evaluates both tests, in
        # order, so each side is evaluated exactly once whatever the first test says.
        tests, loads = [], []
        for side in (left, right):
            first, load = _bind(side, fresh, keep=side is left and not _simple(right))
            loads.append(load)
            if not _numeric_constant(side) and not _named_in(side, numbers):
                tests.append(_is_number(first, node))
        if not tests:
            return node  # (the checker makes no site for two known numbers)
        test = tests[0] if len(tests) == 1 else _both(tests[0], tests[1], node)
        return _native_or(node, test, loads[0], loads[1], guard)
    if free == MODULE_FREE and op in (ast.Add, ast.Mult):
        # `f() + g()`, `f() * g()` at module level: see _bound_then_tested. (A number plus
        # anything cannot concatenate, so `+` tests the left side only.)
        tested = [not _named_in(left, numbers), op is ast.Mult and not _named_in(right, numbers)]
        test, loads = _bound_then_tested([left, right], tested, fresh, node)
        return _native_or(node, test, loads[0], loads[1], guard)
    return _call(guard, left, right)


def _named_in(node: ast.expr, names: frozenset[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def _costly_aug_name(node: ast.AugAssign, target: str, free: int, fresh: Fresh) -> ast.stmt:
    """`x op= v` on a name becomes `x = <checked x op v>`; numbers stay native."""
    op = type(node.op)
    guard = _AUG_GUARDS[op]
    value = node.value
    store = ast.Name(id=target, ctx=ast.Store())
    slow = _call(guard, at(_name(target), node), value)
    fast = ast.BinOp(left=at(_name(target), node), op=node.op, right=value)
    if op is ast.Add and not _simple(value) and _small(value):
        new: ast.expr = ast.IfExp(test=_numeric([target], node), body=fast, orelse=slow)
    elif op in (ast.Mult, ast.Add) and _simple(value):
        names = list(dict.fromkeys([target] + ([value.id] if isinstance(value, ast.Name) else [])))
        slow = _call(guard, at(_name(target), node), _copy(value))
        test = _numeric(names, node)
        if op is ast.Add:
            test = _add_ok(test, at(_name(target), node), value, node, augmented=True)
        new = ast.IfExp(test=test, body=fast, orelse=slow)
    elif op in (ast.Mult, ast.Add) and free == FREE:
        # `x += f(...)`: bind `x` (loaded first, as Python does) and the value; for `+` only
        # `x` must be a number, for `*` both.
        first, load = _bind(at(_name(target), node), fresh, keep=True)
        bound, later = _bind(value, fresh)
        if op is ast.Add:
            evaluated = _both(_evaluated(first, load, node), _evaluated(bound, later, node), node)
            test = at(ast.BoolOp(op=ast.And(), values=[
                evaluated, _add_ok(_is_number(_copy(load), node), load, later, node,
                                   augmented=True)]), node)
        else:
            test = _both(_is_number(first, node), _is_number(bound, node), node)
        new = _native_or(node, test, load, later, guard)
    elif op in (ast.Mult, ast.Add) and free == MODULE_FREE:
        test, loads = _bound_then_tested([at(_name(target), node), value],
                                         [True, op is ast.Mult], fresh, node, augmented=True)
        new = _native_or(node, test, loads[0], loads[1], guard)
    else:
        new = slow
    return ast.Assign(targets=[store], value=new)


def _meter(site: Site, fresh: Fresh) -> None:
    """Apply one metering site (see compiler.check for the kinds)."""
    node = site.node
    if site.kind == TICK:
        if isinstance(node, (ast.For, ast.comprehension)):
            # `for x in it` -> `for (x, .t) in .zip(it, .ticks)`: the step is taken by zip in
            # C, with no name lookup per iteration (a third of the cost of a call).
            if isinstance(node, ast.comprehension) and range_bound(node):
                # The checker proved this name a number (Site.numbers): make it so.
                node.iter = at(_call(G_INTS, node.iter), node.iter)
            node.iter = at(_call(G_ZIP, node.iter, _name(G_TICKS)), node.iter)
            node.target = at(ast.Tuple(elts=[node.target, ast.Name(id=G_TICK_SINK,
                                                                     ctx=ast.Store())],
                                        ctx=ast.Store()), node.target)
        elif isinstance(node, ast.While):
            node.body.insert(0, at(ast.Expr(value=_tick()), node.body[0]))
        elif isinstance(node, ast.FunctionDef):
            first = node.body[0]
            docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                and isinstance(first.value.value, str)
            node.body.insert(1 if docstring else 0, at(ast.Expr(value=_tick()), first))
        else:
            assert isinstance(node, ast.Lambda)
            node.body = at(ast.BoolOp(op=ast.And(), values=[_tick(), node.body]), node.body)
    elif site.kind == HANDLER:
        assert isinstance(node, ast.ExceptHandler)
        spec = node.type if node.type is not None else at(_name(G_BASE_EXC), node)
        # `except (T if .alive and .type(.exception()) not in .fatal else .catchable(T))`:
        # while the budget lives and the exception is not one that may mean exhaustion,
        # T matches natively; otherwise the meter decides (and re-raises a limit).
        # (T is an expression evaluated once in whichever branch runs.)
        ordinary = at(ast.BoolOp(op=ast.And(), values=[
            _name(G_ALIVE),
            ast.Compare(left=_call(G_TYPE, _call(G_EXCEPTION)), ops=[ast.NotIn()],
                        comparators=[_name(G_FATAL)])]), spec)
        node.type = at(ast.IfExp(test=ordinary, body=spec,
                                  orelse=_call(G_CATCHABLE, spec)), spec)
    elif site.kind == COSTLY and isinstance(node, ast.BinOp):
        _replace(site, at(_costly_binop(node, site.free, fresh, site.numbers), node))
    elif site.kind == COSTLY:
        assert isinstance(node, ast.AugAssign)
        if isinstance(node.target, ast.Name):
            _replace(site, at(_costly_aug_name(node, node.target.id, site.free, fresh), node))
        elif site.free >= MODULE_FREE and isinstance(node.op, ast.Add):
            # `o.a += v`: a number added never concatenates, whatever `o.a` is.
            bound, load = _bind(node.value, fresh)
            slow = _call(G_FACTOR, _const(_AUG_GUARDS[ast.Add]), _copy(load))
            node.value = at(ast.IfExp(test=_is_number(bound, node.value), body=load,
                                       orelse=slow), node.value)
        else:
            node.value = at(_call(G_FACTOR, _const(_AUG_GUARDS[type(node.op)]), node.value),
                             node.value)
    elif site.kind == SIZED and isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        node.args = [node.func, *node.args]
        node.func = at(_name(G_CALL), node.func)
    elif site.kind == SIZED:
        assert isinstance(node, ast.Attribute)
        _replace(site, at(_call(G_SIZED, node.value, _const(node.attr)), node))
    else:
        assert site.kind == FSPEC and isinstance(node, ast.FormattedValue)
        fspec = node.format_spec
        assert fspec is not None
        node.value = at(_call(G_FSTRING, node.value, _const(node.conversion), fspec), node.value)
        node.conversion = -1
        node.format_spec = None


def rewrite(tree: ast.AST, sites: list[Site], mode: str,
            metered: bool = False) -> ast.Module | ast.Expression:
    """Apply the guards to `tree` in place and return the tree to compile.

    Sites arrive in pre-order; applying them in reverse handles children before parents, so a
    replaced child never invalidates its parent's slot. Mode 'single' comes back as a Module
    whose top-level expressions call `.display` (never `sys.displayhook`).
    """
    temps = itertools.count()
    operands = itertools.count()

    def fresh() -> str:
        return f"{OPERAND_TEMP}{next(operands)}"
    for site in reversed(sites):
        node = site.node
        if site.kind in _METERING:
            if metered:
                _meter(site, fresh)
            continue
        if site.kind in (READ, READ_PRIVATE, WRITE):
            assert isinstance(node, ast.Attribute)
            guard = G_WRITE if site.kind == WRITE else G_READ
            obj = node.value
            call = _call(guard, obj, _const(node.attr))
            if site.kind != READ and isinstance(obj, ast.Name):
                node.value = at(_owned_or(obj.id, call), obj)
            else:
                node.value = at(call, obj)
        elif site.kind == GETATTR:
            assert isinstance(node, ast.Attribute)
            _replace(site, at(_getattr_site(node, site.free, fresh), node))
        elif site.kind == IMPORT:
            assert isinstance(node, (ast.Import, ast.ImportFrom))
            _replace(site, _import_stmt(node))
        elif site.kind == MATCH:
            assert isinstance(node, ast.Match)
            checked = _checked_match(node, temps)
            if checked is not node:
                _replace(site, checked)
        else:  # pragma: no cover - a new site kind without a rewrite is a bug
            raise AssertionError(f"unknown site kind {site.kind!r}")
    if mode == "single":
        assert isinstance(tree, ast.Interactive)
        return ast.Module(body=_displayed(tree.body), type_ignores=[])
    assert isinstance(tree, (ast.Module, ast.Expression))
    return tree


def _displayed(statements: list[ast.stmt]) -> list[ast.stmt]:
    """Mode 'single': every expression statement of the interactive statement, at any depth
    of its blocks (as CPython prints `for i in r: i`), calls `.display`; iterative. Not in a
    function or class body: that is a code unit of its own, where CPython displays nothing."""
    todo = [statements]
    while todo:
        block = todo.pop()
        for i, stmt in enumerate(block):
            if isinstance(stmt, ast.Expr):
                block[i] = at(ast.Expr(value=_call(G_DISPLAY, stmt.value)), stmt)
            elif not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for name in ("body", "orelse", "finalbody"):
                    value = getattr(stmt, name, None)
                    if type(value) is list:
                        todo.append(value)
                for holder in [*getattr(stmt, "handlers", ()), *getattr(stmt, "cases", ())]:
                    todo.append(holder.body)
    return statements
