"""Which functions may be compiled on their first call, decided during the checker's walk.

A module's functions are most of its code, and most plugins call few of theirs. So the
pipeline checks the whole module (every violation is still reported at compile time) but
rewrites and compiles a function's body only when the function is first called (see
`compiler.lazy`). That is safe to defer only where compiling the body later gives exactly
the code compiling it now would, and where CPython's compiler cannot reject the body: its
errors (`break` outside a loop, `nonlocal` without a binding, a repeated keyword, ...) must
still surface at compile time. So deferral is opt-in per function, deny by default:

- a plain `def` (not `async`) whose scope chain is the module and classes only: it has no
  free variables, so its code can be swapped in later;
- in a module without `from __future__` imports (they change how the body compiles);
- whose body holds none of the constructs with compile-time errors or context the
  separately compiled body would lack (`DISQUALIFY`, and the context checks in `watch`);
- not deeper than `MAX_DEPTH` below the `def`, with blocks nested at most `MAX_BLOCKS` deep.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

#: Node types that keep a function eager: scope declarations and classes (errors and name
#: resolution the stub's module would not see), `async` forms, pattern matching (its
#: compile-time reachability errors), `:=` (rules about comprehension scopes), `except*`.
DISQUALIFY: frozenset[type] = frozenset(
    {ast.Global, ast.Nonlocal, ast.ClassDef, ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith,
     ast.Await, ast.Match, ast.NamedExpr, ast.TryStar})
#: Nodes below a deferred `def` beyond this depth keep it eager: the compiler's own recursion
#: limit must fail (PC003) at compile time, not at the first call.
MAX_DEPTH = 48
#: Statically nested blocks (loops, `with` items, `try`) beyond this keep a function eager
#: (CPython refuses 20; each of these may count twice).
MAX_BLOCKS = 8
_BLOCKS = (ast.For, ast.While, ast.With, ast.Try)


@dataclass(eq=False)
class Deferred:
    """A function whose body may be compiled on its first call.

    `sites[start:end]` are the rewrite sites of its body, in order; `own` are the sites of
    the `def` itself that belong to the body (its entry tick); `classes` are the enclosing
    class statements, outermost first (their names decide private-name mangling)."""

    node: ast.FunctionDef
    parent: ast.AST
    slot: str
    index: int
    #: Nodes deeper than this (MAX_DEPTH below the `def`) keep it eager.
    limit: int
    classes: tuple[ast.ClassDef, ...]
    own: list[int] = field(default_factory=list)
    start: int = -1
    end: int = -1
    #: How many nodes the walk had noted as keeping their function eager when the body
    #: started (`_Walk.eager`): any more by its end keep this one eager.
    eager: int = 0
    ok: bool = True
    generator: bool = False
    jumps: bool = False


class Edge(ast.AST):
    """A marker the walk pushes around a deferred body to record its sites' range."""

    _fields = ()

    def __init__(self, deferred: Deferred, end: bool) -> None:
        super().__init__()
        self.deferred = deferred
        self.end = end


def watch(node: ast.AST, parent: ast.AST | None, pfield: str | None, scope: ast.AST,
          comp: ast.AST | None, depth: int, d: Deferred) -> None:
    """Look at one node inside a deferred body (types in `WATCHED`, and any node deeper
    than the limit)."""
    cls = type(node)
    if depth > d.limit or cls in DISQUALIFY:
        d.ok = False
    elif cls is ast.Yield or cls is ast.YieldFrom:
        if comp is not None:  # `yield` in a comprehension: a compile-time error
            d.ok = False
        elif scope is d.node:
            d.generator = True
    elif cls is ast.Break or cls is ast.Continue or cls in _BLOCKS:
        d.jumps = True  # checked by `statements_ok` after the walk
    elif cls is ast.ImportFrom:
        # `import *` in a function, and a `__future__` import anywhere but the top of the
        # module: compile-time errors (the rewrite keeps `__future__` imports native).
        assert isinstance(node, ast.ImportFrom)
        if node.module == "__future__" or any(a.name == "*" for a in node.names):
            d.ok = False
    elif cls is ast.Starred:
        if not _starred_ok(node, parent, pfield):
            d.ok = False
    elif cls is ast.arguments:
        args = node  # nested functions and lambdas: "duplicate argument"
        every = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]  # type: ignore[attr-defined]
        every += [a.arg for a in (args.vararg, args.kwarg) if a is not None]  # type: ignore[attr-defined]
        if len(every) != len(set(every)):
            d.ok = False


def _starred_ok(node: ast.AST, parent: ast.AST | None, pfield: str | None) -> bool:
    """`*x` where the compiler accepts it: a call argument, a displayed element, or the one
    starred target of a tuple or list with fewer than 256 targets before it."""
    ctx = type(node.ctx)  # type: ignore[attr-defined]
    if isinstance(parent, ast.Call):
        return pfield == "args"
    if not isinstance(parent, (ast.List, ast.Tuple, ast.Set)):
        return False
    if ctx is ast.Load:
        return True
    if ctx is not ast.Store:
        return False
    elts = parent.elts
    starred = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
    return len(starred) == 1 and starred[0] < 256


#: What `watch` looks at. (`super` and repeated keywords are noted by the checker's own
#: rules for names and calls, which run anyway: see `Deferred.eager`.)
WATCHED: frozenset[type] = DISQUALIFY | {ast.Yield, ast.YieldFrom, ast.Break, ast.Continue,
                                         ast.ImportFrom, ast.Starred, ast.arguments, *_BLOCKS}


def statements_ok(body: list[ast.stmt]) -> bool:
    """Every `break`/`continue` in a loop of its own function, blocks nested at most
    `MAX_BLOCKS` deep, and a bare `except:` only last (walks statements only)."""
    todo: list[tuple[list[ast.stmt], bool, int]] = [(body, False, 0)]
    while todo:
        stmts, in_loop, blocks = todo.pop()
        for s in stmts:
            cls = type(s)
            if cls is ast.Break or cls is ast.Continue:
                if not in_loop:
                    return False
            elif cls is ast.For or cls is ast.While:
                if blocks + 1 > MAX_BLOCKS:
                    return False
                todo.append((s.body, True, blocks + 1))  # type: ignore[attr-defined]
                todo.append((s.orelse, in_loop, blocks + 1))  # type: ignore[attr-defined]
            elif cls is ast.If:
                todo.append((s.body, in_loop, blocks))  # type: ignore[attr-defined]
                todo.append((s.orelse, in_loop, blocks))  # type: ignore[attr-defined]
            elif cls is ast.With:
                inner = blocks + len(s.items)  # type: ignore[attr-defined]
                if inner > MAX_BLOCKS:
                    return False
                todo.append((s.body, in_loop, inner))  # type: ignore[attr-defined]
            elif cls is ast.Try:
                if blocks + 2 > MAX_BLOCKS:
                    return False
                handlers = s.handlers  # type: ignore[attr-defined]
                if any(h.type is None for h in handlers[:-1]):
                    return False  # "default 'except:' must be last"
                for part in (s.body, s.orelse, s.finalbody):  # type: ignore[attr-defined]
                    todo.append((part, in_loop, blocks + 2))
                for h in handlers:
                    todo.append((h.body, in_loop, blocks + 2))
            elif cls is ast.FunctionDef:
                todo.append((s.body, False, 0))  # type: ignore[attr-defined]
    return True
