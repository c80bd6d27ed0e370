"""The Cell: joins compiled code to a runtime (builtins, guards, module views) and runs it.

Each cell has its own namespace and its own builtins dict; nothing mutable is shared with
other cells or with the host. `BaseException`s other than `Exception` that the cell raises
(SystemExit, KeyboardInterrupt, GeneratorExit, BaseException itself) reach the host as
`CellExit`, so a host's `except Exception` always sees them.
"""

from __future__ import annotations

import builtins as _host_builtins
import dataclasses
import decimal
import gc
import io
import linecache
import sys
import types
import weakref
from collections.abc import Mapping
from contextvars import copy_context
from typing import IO, Any

from .compiler.lazy import G_LAZY, G_LAZY_DEF, hide_stub_frames, lazy_call, lazy_def
from .compiler.pipeline import compile_restricted
from .compiler.rewrite import (
    G_ALIVE,
    G_BASE_EXC,
    G_CALL,
    G_CATCHABLE,
    G_DEFER,
    G_DISPLAY,
    G_EXCEPTION,
    G_FACTOR,
    G_FATAL,
    G_FNUM,
    G_FSTRING,
    G_GETATTR,
    G_IMPORT,
    G_IMPORT_FROM,
    G_IMPORT_STAR,
    G_INTS,
    G_ISEQS,
    G_LEN,
    G_MATCH_CLASS,
    G_MATCH_ERRORS,
    G_NEXT,
    G_NUM,
    G_OWNED,
    G_READ,
    G_SEQS,
    G_SIZED,
    G_SUPER,
    G_TICKS,
    G_TYPE,
    G_WRITE,
    G_ZIP,
    HOT_NAMES,
)
from .errors import (
    CellError,
    CellExit,
    LimitExceeded,
    MemoryLimitExceeded,
    OperationDenied,
    PolicyError,
    RecursionLimitExceeded,
    TimeLimitExceeded,
)
from .policy import Limits, Policy
from .rules import is_dunder
from .runtime import hardlimit
from .runtime.boundary import for_host
from .runtime.budget import CALLBACK_CHUNK, CHUNK, Budget, frame_depth
from .runtime.builtins import base_table
from .runtime.decimals import RUNNING, CellDecimal, detach
from .runtime.decimals import WRITABLE as DECIMAL_WRITABLE
from .runtime.files import CellFiles
from .runtime.guards import Guards, defer
from .runtime.meter import OPERATOR_GUARDS, Meter, range_items
from .runtime.modules import SUBCELLS_MODULE, ModuleTable, validate_policy_modules
from .runtime.sources import SourceFile, read_source
from .runtime.specials import cell_specials, metered_specials, plain_function
from .runtime.streams import CellInput, make_input
from .runtime.watchdog import WATCHDOG

_real_print = _host_builtins.print
_validated: set[str] = set()
_MEMO_SIZE = 64


class Cell:
    """A padded cell: untrusted code runs here with what `policy` grants.

    `globals` are supervisor-provided names (identifiers, not dunders) placed in the cell's
    namespace. The streams are the supervisor's: `stdout` receives `print` output (by
    default captured in `output`), `stderr` what the cell writes to `sys.stderr` (by default
    captured in `errors`), and `stdin` feeds `input()` and `sys.stdin` when the policy grants
    stdin (by default an empty stream).
    """

    def __init__(self, policy: Policy | None = None, globals: Mapping[str, Any] | None = None,
                 *, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
                 stderr: IO[str] | None = None, name: str = "__main__",
                 lifetime: Limits | None = None) -> None:
        policy = policy if policy is not None else Policy.preset("default")
        if not isinstance(policy, Policy):
            raise TypeError(f"policy must be a paddedcell.Policy, not {type(policy).__name__}")
        if policy.fingerprint not in _validated:
            validate_policy_modules(policy)
            _validated.add(policy.fingerprint)
        self.policy = policy
        #: The cell this one is a sub-cell of: its budgets are charged too.
        self.parent: Cell | None = None
        #: Made by the parent's untrusted code (`paddedcell.subcell`): every run charges the
        #: parent's current budget, also when the host calls back into the parent's code.
        self._charges_maker = False
        self._running = 0
        #: Sub-cells made from this one (weakly; made with the first).
        self._children: weakref.WeakSet[Cell] | None = None
        #: Marks this cell's runs (their copied contexts); made lazily: the cell's decimal
        #: context functions (runtime/decimals.py).
        self._run_token = object()
        self._decimals: CellDecimal | None = None
        self._codes: dict[tuple[str, str, str], types.CodeType] = {}
        self._captured = stdout is None
        self.stdout: IO[str] = io.StringIO() if stdout is None else stdout
        namespace: dict[str, Any] = {"__name__": name}
        self.namespace = namespace
        guards = Guards(namespace)
        self.guards = guards
        #: Budget over all runs of this cell (steps and output add up; time is wall time
        #: since the first run), charged besides each run's own.
        self.lifetime = Budget(lifetime) if lifetime is not None else None
        self._metered = policy.limits.metered or lifetime is not None
        self.meter = Meter(self._new_budget())
        self._out = _MeteredOut(self)
        #: What the cell writes to sys.stderr (when the policy grants sys).
        self._err_captured = stderr is None
        self.stderr: IO[str] = io.StringIO() if stderr is None else stderr
        self._err = _MeteredOut(self, self.stderr)
        self.stdin: IO[str] = io.StringIO() if stdin is None else stdin
        self._in = CellInput(lambda: self.stdin, policy.stdin)
        metered = policy.limits.metered or lifetime is not None
        if metered:
            guards.check_spec = self.meter.format_spec

        def specials() -> dict[tuple[str, str], Any]:
            # Built at the cell's first import, not at creation: most of the table's
            # closures are never needed by a cell that imports nothing.
            table = cell_specials(guards, lambda: self._out, lambda: self._err)
            table["sys", "stdin"] = lambda real: self._in
            table[SUBCELLS_MODULE, "subcell"] = lambda real: _subcell_function(self)
            table["time", "sleep"] = lambda real: _make_sleep(self)
            for name in ("getcontext", "setcontext", "localcontext", "Context"):
                table["decimal", name] = (lambda n: lambda real: self._decimal_function(n))(name)
            if metered:
                table.update(metered_specials(self.meter))
            return table
        #: The cell's files: open() and the os stand-ins over the policy's roots, with quotas.
        self.files = CellFiles(policy.files)
        modules = ModuleTable(policy, namespace, specials, self._run_source, files=self.files)
        self.modules = modules
        guards.is_view = self._is_view  # type: ignore[method-assign]
        table = base_table(policy.deny_builtins)
        table.update(
            {
                "print": _make_print(self),
                "input": make_input(self._in, self._out.write),
                # Plain functions, not bound methods: nothing the cell holds may lead back to
                # the guards (copy.deepcopy walks a method's __self__).
                "getattr": _builtin("getattr", guards.getattr),
                "setattr": _builtin("setattr", guards.setattr),
                "delattr": _builtin("delattr", guards.delattr),
                "hasattr": _builtin("hasattr", guards.hasattr),
                "vars": _builtin("vars", guards.vars),
                "globals": _make_globals(guards),
                "dir": _builtin("dir", guards.dir),
                "type": guards.type,
                "format": _builtin("format", self.meter.format),
            }
        )
        if policy.files:
            # Without roots open stays absent (NameError), as before files existed.
            table["open"] = self.files.open_function()
        for denied in policy.deny_builtins:
            table.pop(denied, None)
        table.update(
            {
                "__build_class__": guards.build_class,
                "__import__": modules.internal_import,
                G_READ: guards.read,
                G_WRITE: guards.write,
                G_GETATTR: guards.getattr,
                G_IMPORT: modules.import_,
                G_IMPORT_FROM: modules.import_from,
                G_IMPORT_STAR: modules.import_star,
                G_DISPLAY: self._display,
                G_TYPE: type,
                G_OWNED: guards.owned_types,
                G_MATCH_CLASS: guards.match_class,
                G_DEFER: defer,
                G_MATCH_ERRORS: (NameError, AttributeError),
                G_NEXT: next,
                G_ZIP: zip,
                G_INTS: range_items,
                G_TICKS: self.meter.current.ticks,
                G_ALIVE: self.meter.current.alive,
                G_EXCEPTION: sys.exception,
                G_FATAL: frozenset({RecursionError, MemoryError}),
                G_FNUM: frozenset({float, complex}),
                G_SUPER: super,
                G_SEQS: frozenset({str, bytes, list, tuple}),
                G_ISEQS: frozenset({str, bytes, tuple}),
                G_LEN: len,
                G_CATCHABLE: self.meter.catchable,
                G_BASE_EXC: BaseException,
                # Decimal too: its `*` and `+` results are rounded to the context's precision,
                # which the cell's contexts charge (runtime/decimals.py); the meter's guards
                # would only call them.
                G_NUM: frozenset({int, float, complex, bool, decimal.Decimal}),
                G_FACTOR: self.meter.factor,
                G_SIZED: self.meter.sized,
                G_CALL: self.meter.call,
                G_FSTRING: self.meter.fstring,
                G_LAZY: lazy_call,
                G_LAZY_DEF: lazy_def,
                **{name: guard(self.meter) for name, guard in OPERATOR_GUARDS.items()},
            }
        )
        self.builtins = table
        namespace["__builtins__"] = table
        for hot in HOT_NAMES:
            namespace[hot] = table[hot]
        if globals:
            for key, value in globals.items():
                if type(key) is not str or not key.isidentifier() or is_dunder(key):
                    raise PolicyError(f"supervisor global names must be plain identifiers, "
                                      f"not {key!r}")
                namespace[key] = value

    # -- running -------------------------------------------------------------------------------
    def exec(self, source: str, filename: str = "<cell>") -> dict[str, Any]:
        """Run `source` in the cell's namespace and return that namespace."""
        self._run(self._code(source, filename, "exec"), source, filename)
        return self.namespace

    def eval(self, source: str, filename: str = "<cell>") -> Any:
        """Evaluate an expression in the cell's namespace and return its value."""
        code = self._codes.get((source, filename, "eval")) if type(source) is str else None
        if code is None:
            code = self._code(source, filename, "eval")
        if self._metered:
            return self._run(code, source, filename)
        # The formula case (one expression evaluated many times, no budget) is hot: the run
        # is inlined here.
        try:
            # A copied context: decimal contexts and other context variables the cell
            # changes stay with this run (copying is O(1)).
            return copy_context().run(eval, code, self.namespace)
        except BaseException as exc:
            failure = self._failure(exc, filename, source)
        raise failure

    def single(self, source: str, filename: str = "<cell>") -> None:
        """Run one interactive statement; expression values are printed to the cell's stdout."""
        self._run(self._code(source, filename, "single"), source, filename)

    def _code(self, source: str, filename: str, mode: str) -> types.CodeType:
        # A small per-cell memo in front of the shared cache: a formula evaluated many times
        # costs one dict lookup. Only exact str keys (a subclass could fake equality).
        key = (source, filename, mode)
        code = self._codes.get(key) if type(source) is str and type(filename) is str else None
        if code is None:
            code = compile_restricted(source, filename, mode, self.policy)
            if len(self._codes) >= _MEMO_SIZE:
                self._codes.clear()
            if type(source) is str and type(filename) is str:
                self._codes[key] = code
        return code

    def _run(self, code: types.CodeType, source: str, filename: str) -> Any:
        self._running += 1
        try:
            return self._run_counted(code, source, filename)
        finally:
            self._running -= 1

    def _run_counted(self, code: types.CodeType, source: str, filename: str) -> Any:
        budget = None
        hard = self.policy.limits.memory
        if self._metered:
            budget = self._new_budget(run=True)
            self._install(budget)
            budget.start(frame_depth())
        if hard is not None:
            hardlimit.enter(hard)
        watch = None
        if budget is not None and (budget.limits.time is not None or hard is not None):
            watch = WATCHDOG.watch(budget)
        try:
            try:
                if budget is not None:
                    # A budget it charges (the lifetime's, a parent's) may be spent already.
                    budget.raise_if_exhausted()
                result = copy_context().run(self._eval_in_run, code)
                if budget is not None:
                    # Sticky, and checked once more: a run that swallowed its exhaustion
                    # (`finally: return`, `__exit__` returning True) or grew in its last steps
                    # still ends in the limit.
                    budget.final_check()
            finally:
                if watch is not None:
                    WATCHDOG.release(watch)  # before anything else of the host runs
        except BaseException as exc:
            if watch is not None:
                # Again: a limit the watchdog raised once more may have cut the `finally`
                # above short (it raises again only after REARM seconds, never this soon).
                WATCHDOG.release(watch)
            failure = self._failure(exc, filename, source)
        else:
            if budget is not None:
                self._install(self._new_budget())  # callbacks the host makes later
            return result
        finally:
            if hard is not None:
                hardlimit.leave()
        if budget is not None:
            self._install(self._new_budget())
        # Raised outside the handler, so the cell's exception is not chained to it.
        raise failure

    # -- nesting -------------------------------------------------------------------------------
    def subcell(self, policy: Policy | None = None, globals: Mapping[str, Any] | None = None,
                *, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
                stderr: IO[str] | None = None, name: str = "__main__",
                lifetime: Limits | None = None, **narrowing: Any) -> Cell:
        """A cell whose policy is `policy` (by default this cell's), narrowed by `narrowing`
        (`Policy.narrow` keywords). Raises PolicyError naming every field in which it would
        grant more than this cell. Its steps, time, output and memory also count against this
        cell's budgets; stdin, when granted, defaults to this cell's."""
        base = self.policy if policy is None else policy
        if not isinstance(base, Policy):
            raise TypeError(f"policy must be a paddedcell.Policy, not {type(base).__name__}")
        if narrowing:
            base = base.narrow(**narrowing)
        wider = base.widenings(self.policy)
        if wider:
            raise PolicyError(f"a sub-cell of {self.policy.name!r} cannot have policy "
                              f"{base.name!r}: it would widen {', '.join(wider)}")
        effective = base.intersect(self.policy)
        if stdin is None and effective.stdin:
            stdin = self.stdin
        child = Cell(effective, globals, stdin=stdin, stdout=stdout, stderr=stderr, name=name,
                     lifetime=lifetime)
        child.parent = self
        if self._children is None:
            self._children = weakref.WeakSet()
        self._children.add(child)
        child.files.inherit(self.files)  # its writes and open files count here too
        child._install(child._new_budget())
        return child

    # -- budgets -------------------------------------------------------------------------------

    def _new_budget(self, run: bool = False) -> Budget:
        """A budget for a run, or (`run` False) for the callbacks the host makes outside runs,
        which read the clock more often: no watchdog follows the host there."""
        # A sub-cell's budgets come out of its parent's: the parent's current run when the
        # parent is running (its code made the call), else the parent's lifetime budget.
        chunk = CHUNK if run else CALLBACK_CHUNK
        up = None
        parent = self.parent
        if parent is not None:
            up = parent.meter.current if parent._running or self._charges_maker \
                else parent.lifetime
        if self.lifetime is not None:
            self.lifetime.parent = up
            return Budget(self.policy.limits, parent=self.lifetime, chunk=chunk)
        return Budget(self.policy.limits, parent=up, chunk=chunk)

    def _install(self, budget: Budget) -> None:
        self.meter.current = budget
        self.builtins[G_TICKS] = budget.ticks
        self.builtins[G_ALIVE] = budget.alive
        # The namespace and the cell's own modules' globals hold them as hot names too.
        for globals_dict in self.guards.globals_dicts:
            globals_dict[G_TICKS] = budget.ticks
            globals_dict[G_ALIVE] = budget.alive
        if self._children is not None:
            # A sub-cell's budget for callbacks charges the budget this cell had when the
            # sub-cell last ran; this cell's code may call the sub-cell's functions in any later
            # run, which must pay for them: point them at the budget just installed.
            for child in list(self._children):
                if not child._running:
                    child._install(child._new_budget())

    # -- the cell's own modules ----------------------------------------------------------------
    def _run_source(self, module: types.ModuleType, found: SourceFile) -> None:
        """Run an untrusted module file in `module`, restricted, in this cell's current run
        (its steps and time count there). Called again by `modules.reload`."""
        source = read_source(found, self.policy.limits.source_bytes)
        # Compiled under a cell-side name: the host path would show in the errors the
        # cell can catch (SyntaxError.filename, RestrictedSyntaxError's message).
        code = compile_restricted(source, found.filename, "exec", self.policy)
        ns = module.__dict__
        if ns.get("__builtins__") is not self.builtins:
            ns["__builtins__"] = self.builtins
            for hot in HOT_NAMES:  # the current budget's ticker and marker among them
                ns[hot] = self.builtins[hot]
            builtins_table = self.builtins

            def import_star(dotted: str) -> None:
                # Through the cell's star-import at call time, with this module's globals as
                # the target: a supervisor's hook (RExec's r_import) sees these imports too.
                builtins_table[G_IMPORT_STAR](dotted, ns)
            ns[G_IMPORT_STAR] = import_star
            self.guards.add_globals(ns)
        if found.package:
            ns["__path__"] = []  # a package: the cell's importer finds its submodules
        _remember_source(found.filename, source)
        eval(code, ns)

    def cancel(self, reason: str = "cancelled by the supervisor") -> None:
        """Stop the code this cell is running (or the host's callbacks into its objects) at
        its next checkpoint, or in library code within milliseconds. Safe from any thread; the
        run raises TimeLimitExceeded. The next run starts with a fresh budget."""
        self.meter.current.cancel(TimeLimitExceeded(reason))

    def _eval_in_run(self, code: types.CodeType) -> Any:
        """Run `code` in the run's copied context, marked as this cell's (runtime/decimals)."""
        RUNNING.set(self._run_token)
        if self._decimals is not None:
            self._decimals.resume()
        else:
            detach()
        return eval(code, self.namespace)

    def _decimal_function(self, name: str) -> Any:
        """The cell's decimal.getcontext/setcontext/localcontext/Context (a plain function)."""
        if self._decimals is None:
            self._decimals = CellDecimal(self.meter, self._run_token)
            self.guards.writable[self._decimals.context_type] = DECIMAL_WRITABLE
        method = getattr(self._decimals, "context" if name == "Context" else name)
        return plain_function(name, method, getattr(decimal, name).__doc__)

    def _failure(self, exc: BaseException, filename: str, source: str) -> BaseException:
        """What the host receives for `exc`: never a non-Exception (but LimitExceeded), never
        an object whose methods are cell code."""
        _remember_source(filename, source)
        hide_stub_frames(exc)  # a deferred function's first call: show it as one frame
        tb = exc.__traceback__
        reason = self.meter.current.exhausted()
        if reason is not None:
            # The budget ran out: the host gets that limit (sticky, whatever the run raised
            # afterwards), as a fresh exception built from paddedcell's own message, so
            # nothing of the cell (its exceptions as context, its objects as args) comes along.
            return type(reason)(*reason.args).with_traceback(tb)
        if isinstance(exc, LimitExceeded):
            # Not exhausted: cell code raised a limit class it got hold of.
            return CellError(type(exc).__name__, "raised by the cell's own code").with_traceback(tb)
        if not isinstance(exc, Exception):
            code = exc.code if isinstance(exc, SystemExit) and _plain_code(exc.code) else None
            return CellExit(type(exc).__name__, code).with_traceback(tb)
        limits = self.policy.limits
        if isinstance(exc, RecursionError) and limits.recursion is not None:
            return RecursionLimitExceeded(f"calls nested deeper than the interpreter allows "
                                          f"(limit {limits.recursion})").with_traceback(tb)
        if isinstance(exc, (MemoryError, SystemError)) and limits.memory is not None:
            # SystemError: some C code (collections.deque) reports a failed allocation
            # under the address-space backstop that way.
            return MemoryLimitExceeded("the interpreter ran out of memory").with_traceback(tb)
        return for_host(exc, self.guards.owns, tb)

    @property
    def output(self) -> str:
        """Everything printed so far, when no stdout was given."""
        if self._captured and isinstance(self.stdout, io.StringIO):
            return self.stdout.getvalue()
        return ""

    @property
    def errors(self) -> str:
        """Everything written to `sys.stderr` so far, when no stderr was given."""
        if self._err_captured and isinstance(self.stderr, io.StringIO):
            return self.stderr.getvalue()
        return ""

    # -- per-cell builtins ---------------------------------------------------------------------
    def _display(self, value: Any) -> None:
        # Mode 'single' without sys.displayhook: the value goes to the cell's stdout and to
        # the cell's own `_`, never the host's.
        if value is None:
            return
        self.builtins["_"] = None
        self._out.write(str.__add__(str.__str__(repr(value)), "\n"))
        self.builtins["_"] = value

    def _is_view(self, obj: Any) -> bool:
        return isinstance(obj, types.ModuleType) and self.modules.views.get(obj.__name__) is obj


class _MeteredOut:
    """The cell's stdout as library code sees it (pprint): writes charge the output budget."""

    __slots__ = ("_cell", "_stream")

    def __init__(self, cell: Cell, stream: IO[str] | None = None) -> None:
        self._cell = cell
        self._stream = stream

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        text = str.__str__(text)  # a str subclass would carry cell methods to the host's stream
        self._cell.meter.current.charge_output(len(text))
        stream = self._stream if self._stream is not None else self._cell.stdout
        stream.write(text)
        # Not what the supervisor's stream returned: that is its own business (a stream whose
        # write returns itself, for chaining, would hand the cell the stream).
        return len(text)

    def flush(self) -> None:
        (self._stream if self._stream is not None else self._cell.stdout).flush()


#: Keywords of `paddedcell.subcell` inside a cell (what `Policy.narrow` takes from plain data;
#: files by the mount points to keep).
_CELL_FLAGS = frozenset({"read_only", "stdin", "subcells"})
_CELL_NARROWING = _CELL_FLAGS | {"modules", "deny_builtins", "files", "steps", "time", "memory",
                                 "output", "recursion"}


class SubCell:
    """What untrusted code gets from `paddedcell.subcell(...)`: runs code in a narrower cell.

    The Cell itself is never reachable from it (kept in a private table keyed by the handle).
    A sub-cell's limit reaches its maker as a catchable `CellError`, unless the maker's own
    budget ran out, which nothing in the maker can catch.
    """

    __slots__ = ("__weakref__",)

    def exec(self, source: str) -> dict[str, Any]:
        """Run `source` in the sub-cell; a copy of its public names comes back."""
        cell = _cell_of(self)
        _contained(cell, lambda: cell.exec(source, "<subcell>"))
        return {k: v for k, v in cell.namespace.items()
                if type(k) is str and k.isidentifier() and not k.startswith("_")}

    def eval(self, source: str) -> Any:
        """The value of an expression in the sub-cell."""
        cell = _cell_of(self)
        return _contained(cell, lambda: cell.eval(source, "<subcell>"))

    @property
    def output(self) -> str:
        """What the sub-cell printed so far."""
        return _cell_of(self).output

    @property
    def errors(self) -> str:
        """What the sub-cell wrote to sys.stderr so far."""
        return _cell_of(self).errors

    def __repr__(self) -> str:
        return "<sub-cell>"

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("a sub-cell cannot be copied or pickled")

    def __copy__(self) -> SubCell:
        return self

    def __deepcopy__(self, memo: Any) -> SubCell:
        return self


_SUBCELLS: weakref.WeakKeyDictionary[SubCell, Cell] = weakref.WeakKeyDictionary()


def _cell_of(handle: SubCell) -> Cell:
    # Exact type first: the weak table compares keys with `==`, so an object of the cell's
    # with a matching `__hash__` and an `__eq__` that says yes would find any cell's sub-cell.
    cell = _SUBCELLS.get(handle) if type(handle) is SubCell else None
    if cell is None:
        raise OperationDenied("this sub-cell handle was not made by paddedcell.subcell()",
                              "PC205")
    return cell


def _contained(cell: Cell, run: Any) -> Any:
    try:
        return run()
    except LimitExceeded as exc:
        parent = cell.parent
        if parent is not None and parent.meter.current.exhausted() is not None:
            raise  # the maker's own budget ran out: it ends the maker too
        raise CellError(type(exc).__name__, f"the sub-cell ran out: {exc}") from None


#: Sub-cells untrusted code may keep alive at once (made with `paddedcell.subcell`).
MAX_LIVE_SUBCELLS = 256


def _subcell_function(cell: Cell) -> Any:
    """`paddedcell.subcell(**narrowing)` inside `cell`: plain data in, a SubCell handle out."""

    def subcell(globals: Mapping[str, Any] | None = None, **narrowing: Any) -> SubCell:
        # Every budget the maker installs re-points its live sub-cells (host work no budget
        # charges, twice a run): their number is bounded.
        children = cell._children
        if children is not None and len(children) >= MAX_LIVE_SUBCELLS:
            gc.collect()  # cells hold reference cycles: count the dropped ones out first
            if len(children) >= MAX_LIVE_SUBCELLS:
                raise OperationDenied(f"a cell may keep at most {MAX_LIVE_SUBCELLS} sub-cells "
                                      "alive", "PC205")
        unknown = set(narrowing) - _CELL_NARROWING
        if unknown:
            raise TypeError(f"subcell() got unknown keyword(s): {', '.join(sorted(unknown))}")
        options = dict(narrowing)
        for key in _CELL_FLAGS & set(options):
            if type(options[key]) is not bool:  # truthiness of a cell object could change
                raise TypeError(f"subcell(): {key} must be True or False")
        for key in ("modules", "deny_builtins", "files"):
            if key in options:
                options[key] = _plain_names(options[key], key)
        if "files" in options:
            mounts = set(options["files"])
            options["files"] = [r for r in cell.policy.files if r.mount in mounts]
            missing = mounts - {r.mount for r in cell.policy.files}
            if missing:
                raise PolicyError(f"no file root is mounted at {sorted(missing)}")
        # Narrowed here (`stdin` among Cell.subcell's keywords is the child's stream), from the
        # maker's policy under a neutral source: a policy file's host path would show in the
        # PolicyErrors that the cell can catch.
        base = dataclasses.replace(cell.policy, source="<policy>")
        policy = base.narrow(**options)
        handle = SubCell()
        child = cell.subcell(policy, dict(globals) if globals is not None else None)
        child._charges_maker = True
        child._install(child._new_budget())
        _SUBCELLS[handle] = child
        return handle
    return plain_function("subcell", subcell, subcell.__doc__)


def _plain_names(value: Any, key: str) -> Any:
    """Exact-str names (or, for modules, a dict of names to lists of names or '*'), copied so
    nothing of the cell's containers reaches the policy."""
    if type(value) is dict and key == "modules":
        out: dict[str, Any] = {}
        for name, attrs in list(dict.items(value)):
            if type(name) is not str:
                _bad_names(key)
            out[str.__str__(name)] = "*" if type(attrs) is str and attrs == "*" \
                else _plain_names(attrs, key)
        return out
    if type(value) is str:
        return [str.__str__(value)]
    if type(value) not in (list, tuple, set, frozenset):
        _bad_names(key)
    names = list(value)
    if not all(type(n) is str for n in names):
        _bad_names(key)
    return [str.__str__(n) for n in names]


def _bad_names(key: str) -> Any:
    raise TypeError(f"subcell(): {key} must be names (str) or a list of them")


#: Longest single nap of the cell's time.sleep between two looks at its budget.
_SLEEP_SLICE = 0.01


def _make_sleep(cell: Cell) -> Any:
    """The cell's `time.sleep`: the real one holds the host thread inside C, where neither the
    time limit nor cancel() can reach; this one naps in slices and checks the budget."""
    import time

    def sleep(secs: float) -> None:
        if type(secs) not in (int, float):
            raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as a number")
        if secs != secs or secs < 0:
            raise ValueError("sleep length must be non-negative")
        end = time.monotonic() + secs
        budget = cell.meter.current
        if not budget.started:
            # Called by the host between runs (a `map(time.sleep, ...)` the cell returned):
            # no cell frame ticked, so the callbacks' clock starts here.
            budget.start()
        while True:
            budget = cell.meter.current
            reason = budget.overdue() or budget.exhausted()
            if reason is not None:
                raise type(reason)(*reason.args)
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, _SLEEP_SLICE))
    sleep.__doc__ = time.sleep.__doc__
    return plain_function("sleep", sleep, time.sleep.__doc__)


def _builtin(name: str, method: Any) -> Any:
    return plain_function(name, method, getattr(_host_builtins, name).__doc__)


def _make_globals(guards: Guards) -> Any:
    """The cell's globals(): see Guards.module_names. Its caller's frame says which module."""

    def globals() -> Any:
        return guards.module_names(sys._getframe(1).f_globals)
    globals.__doc__ = _host_builtins.globals.__doc__
    return globals


def _make_print(cell: Cell) -> Any:
    """The cell's print: a plain function (its repr names no paddedcell internals)."""

    def print(*args: Any, sep: str | None = " ", end: str | None = "\n", file: Any = None,
              flush: bool = False) -> None:
        if file is not None:
            _real_print(*args, sep=sep, end=end, file=file, flush=flush)
            return
        # Build the text first so the output budget is charged before anything is written.
        cell._out.write(_print_text(args, sep, end))
        if flush:
            cell.stdout.flush()
    print.__qualname__ = "print"
    return print


def _print_text(args: tuple[Any, ...], sep: str | None, end: str | None) -> str:
    if sep is None:
        sep = " "
    elif not isinstance(sep, str):
        raise TypeError(f"sep must be None or a string, not {type(sep).__name__}")
    if end is None:
        end = "\n"
    elif not isinstance(end, str):
        raise TypeError(f"end must be None or a string, not {type(end).__name__}")
    # Exact str operations: a str subclass as sep or end could override join or __add__.
    return str.__add__(str.join(str.__str__(sep), map(str, args)), str.__str__(end))


def _plain_code(code: object) -> bool:
    return code is None or type(code) in (int, str, bool)


def _remember_source(filename: str, source: str) -> None:
    """Let tracebacks show the snippet's lines (pseudo-files like '<cell>' are not on disk,
    and a module file may have changed since)."""
    if filename.startswith(("<", "/")):
        lines = source.splitlines(keepends=True)
        linecache.cache[filename] = (len(source), None, lines, filename)
