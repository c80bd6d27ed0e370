"""Hoist: module-level loops run as the body of a function.

At module level CPython reads and writes every name with LOAD_NAME/STORE_NAME, dictionary
lookups that the interpreter never specialises; inside a function the same names, declared
`global`, use LOAD_GLOBAL, which is cached per instruction. A top-level loop is where a
snippet spends its time, and where the rewriter's inline tests read guard names most often,
so the last step of the rewrite turns

    for x in it: body           def <module>():
                                    global x, <every other name the loop binds>
                         ->         for x in it: body
                                <module>()

(`<module>` is unspellable in source: the cell cannot call or rebind it, and tracebacks name
the frame as they name module code.)

Every name the loop binds is declared global, so it reads and writes the cell's namespace
exactly as before; only the rewriter's own temporaries (`.o0`, the tick sink `.t`) become
fast locals. What would behave differently inside a function is never hoisted: a loop that
defines a function, class or lambda (their `__qualname__` would change), makes a generator,
annotates a name, declares `global`/`nonlocal`, contains `return`/`yield`/`await` (errors at
module level that a function would accept), imports, or calls `dir`, `vars`, `locals`,
`globals`, `eval`, `exec` or `super` by name. The one visible difference left is an extra
frame named `<module>` in tracebacks (and one more level of recursion depth).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator

from .rewrite import at

#: Builtins whose result depends on the frame they are called from.
_FRAME_BUILTINS = frozenset({"dir", "vars", "locals", "globals", "eval", "exec", "super",
                             "breakpoint"})
#: Nodes that make a loop behave differently (or compile differently) inside a function.
_NEVER = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.GeneratorExp,
          ast.Global, ast.Nonlocal, ast.Return, ast.Yield, ast.YieldFrom, ast.Await,
          ast.AnnAssign, ast.Import, ast.ImportFrom, ast.AsyncFor, ast.AsyncWith)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp)
#: The name of every hoisted loop's function (and the global it is bound to, reused).
FUNCTION_NAME = "<module>"


class Plan:
    """The loops to hoist, decided on the checked tree before the rewrite: their bound names,
    and the nodes in them outside comprehensions (where the rewriter may treat temporaries as
    a function's locals, since they will be the hoisted function's)."""

    def __init__(self, tree: ast.AST) -> None:
        self.loops: dict[int, list[str]] = {}
        self.in_function: set[int] = set()
        statements = tree.body if isinstance(tree, (ast.Module, ast.Interactive)) else []
        for stmt in statements:
            if isinstance(stmt, (ast.For, ast.While)):
                names = _bound_names(stmt, self.in_function)
                if names is not None:
                    self.loops[id(stmt)] = names


def hoist_loops(module: ast.Module, plan: Plan) -> None:
    """Hoist the planned top-level loops of `module` (in place, after the rewrite, which
    changes loops in place: they keep their identity)."""
    body: list[ast.stmt] = []
    for stmt in module.body:
        names = plan.loops.get(id(stmt))
        if names is not None:
            body.extend(_hoisted(stmt, names))  # type: ignore[arg-type]
            continue
        body.append(stmt)
    module.body = body


def _bound_names(loop: ast.For | ast.While, in_function: set[int]) -> list[str] | None:
    """The names `loop` binds in the module's scope, or None if it may not be hoisted; adds
    the ids of its nodes outside comprehensions to `in_function` when it may."""
    found: dict[str, None] = {}
    outside: list[int] = []
    for node, in_comprehension in _walk(loop):
        if isinstance(node, _NEVER):
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in _FRAME_BUILTINS:
            return None
        name: str | None = None
        if not in_comprehension:
            outside.append(id(node))
        if in_comprehension:
            # Inside a comprehension only `:=` binds in the enclosing scope.
            if isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
                name = node.target.id
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            name = node.id
        elif isinstance(node, ast.ExceptHandler):
            name = node.name
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)):
            name = node.name
        elif isinstance(node, ast.MatchMapping):
            name = node.rest
        if name is not None and not name.startswith("."):
            found[name] = None
    in_function.update(outside)
    return list(found)


def _walk(root: ast.AST) -> Iterator[tuple[ast.AST, bool]]:
    """Every node under `root`, in source order, with whether it sits inside a comprehension
    (iterative: hostile trees can be deep)."""
    todo: list[tuple[ast.AST, bool]] = [(root, False)]
    while todo:
        node, inside = todo.pop()
        yield node, inside
        inside = inside or isinstance(node, _COMPREHENSIONS)
        todo.extend((child, inside) for child in reversed(list(ast.iter_child_nodes(node))))


def _hoisted(loop: ast.For | ast.While, names: list[str]) -> list[ast.stmt]:
    """`def <module>(): global ...; <loop>` and its call."""
    inner: list[ast.stmt] = [ast.Global(names=names)] if names else []
    inner.append(loop)
    arguments = ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                              kw_defaults=[], kwarg=None, defaults=[])
    function = ast.FunctionDef(name=FUNCTION_NAME, args=arguments, body=inner,
                               decorator_list=[], returns=None, type_comment=None)
    if sys.version_info >= (3, 12):
        function.type_params = []
    call = ast.Expr(value=ast.Call(func=ast.Name(id=FUNCTION_NAME, ctx=ast.Load()), args=[],
                                   keywords=[]))
    return [at(function, loop), at(call, loop)]

