"""Decimal contexts a cell owns: `getcontext`, `setcontext`, `localcontext` and `Context`.

The real functions work on the calling thread's current context, an object the host shares.
In a cell they work on contexts of a private subclass of `decimal.Context`, one class per cell:
its instances are the only foreign objects whose attributes the cell may set (`prec`,
`rounding`, `Emin`, `Emax`, `capitals`, `clamp`, `flags`, `traps`), and a precision in the
hundreds of thousands is charged to the memory budget, whether set by constructor or attribute.

Every counted run of a cell happens in a copied `contextvars` context marked with the cell's
token (`RUNNING`). There `getcontext()` installs the cell's context, a copy of the host's the
first time, the one the cell last used afterwards (also at the start of each later run), so
`getcontext().prec = 50` works as in plain Python, run after run, and never reaches the host.
Outside a run (the host calling a cell function later, a formula on the uncounted fast path)
`getcontext()` returns a detached copy, and `setcontext`/`localcontext` refuse: they would
change the host thread's context.
"""

from __future__ import annotations

import contextvars
import decimal
from typing import Any

from ..errors import OperationDenied
from .meter import Meter

#: The token of the cell whose run the current context belongs to (see cell.Cell._eval_in_run).
RUNNING: contextvars.ContextVar[object] = contextvars.ContextVar("paddedcell_run", default=None)

#: Precision above which a context is charged to the memory budget (4 bytes per digit).
CHARGED_PRECISION = 100_000
#: Attributes the cell may set on its own contexts.
WRITABLE = frozenset({"prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"})
_SETTINGS = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp")

_real_getcontext = decimal.getcontext
_real_setcontext = decimal.setcontext
_base_prec: Any = decimal.Context.prec


class CellDecimal:
    """One cell's decimal context functions (the module view holds plain functions over it)."""

    def __init__(self, meter: Meter, token: object) -> None:
        self.token = token
        #: The context the cell last installed; reinstalled at the start of each run.
        self.last: Any = None

        def charge(prec: Any) -> Any:
            # An int subclass is made an exact int first: C reads its value, and the check
            # below must see the same one (a cell's subclass escaped the charge).
            if isinstance(prec, int):
                prec = int.__index__(prec)
                if prec > CHARGED_PRECISION:
                    meter.current.charge_memory(prec * 4, "a decimal precision this large")
            return prec

        def get_prec(ctx: Any) -> Any:
            return _base_prec.__get__(ctx)

        def set_prec(ctx: Any, value: Any) -> None:
            _base_prec.__set__(ctx, charge(value))

        cells = self

        class _CellContext(decimal.Context):
            # A leading underscore: `type()` in the cell refuses library-private classes, so
            # the class cannot be subclassed (an owned subclass could call _unsafe_setprec).
            __slots__ = ()

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                if "prec" in kwargs:
                    kwargs["prec"] = charge(kwargs["prec"])
                elif args:
                    args = (charge(args[0]), *args[1:])
                super().__init__(*args, **kwargs)

            prec = property(get_prec, set_prec)

            def copy(self) -> Any:
                return cells.fresh(self)

            __copy__ = copy

        self.context_type: type[Any] = _CellContext

    # -- contexts -----------------------------------------------------------------------------
    def fresh(self, base: Any, **overrides: Any) -> Any:
        """A new context of the cell's with `base`'s settings and traps, flags cleared."""
        if not isinstance(base, decimal.Context):
            raise TypeError(f"a decimal context is needed, not {type(base).__name__!r}")
        unknown = sorted(set(overrides) - WRITABLE)
        if unknown:
            raise TypeError(f"unexpected context settings: {', '.join(unknown)}")
        settings: dict[str, Any] = {name: getattr(base, name) for name in _SETTINGS}
        settings["traps"] = [signal for signal, on in base.traps.items() if on]
        settings["flags"] = []
        settings.update(overrides)
        return self.context_type(**settings)

    def _in_run(self) -> bool:
        return RUNNING.get() is self.token

    def resume(self) -> None:
        """At the start of a run (in its copied context): the cell's last context again."""
        if self.last is not None:
            _real_setcontext(self.last)
        else:
            detach()

    # -- the functions the cell calls ----------------------------------------------------------
    def getcontext(self) -> Any:
        current = _real_getcontext()
        if type(current) is self.context_type:
            return current
        mine = self.fresh(current)
        if self._in_run():
            _real_setcontext(mine)
            self.last = mine
        return mine

    def setcontext(self, context: Any) -> None:
        if type(context) is not self.context_type:
            raise TypeError("setcontext() in a cell takes a context of the cell's own "
                            "(decimal.Context(), getcontext(), localcontext())")
        if not self._in_run():
            raise OperationDenied("decimal.setcontext() works only while the cell runs", "PC205")
        _real_setcontext(context)
        self.last = context

    def localcontext(self, ctx: Any = None, **settings: Any) -> _LocalContext:
        base = self.getcontext() if ctx is None else ctx
        return _LocalContext(self, self.fresh(base, **settings))

    def context(self, *args: Any, **kwargs: Any) -> Any:
        return self.context_type(*args, **kwargs)


def detach() -> None:
    """At the start of a run of a cell without a context of its own: a copy of the host's,
    flags cleared. The copied contextvars context still holds the host thread's context
    object itself, and the run's arithmetic would set its flags."""
    mine = _real_getcontext().copy()
    mine.clear_flags()
    _real_setcontext(mine)


class _LocalContext:
    """`with localcontext(...) as ctx`: `ctx` is current inside the block, then the previous
    context is again. Attributes are private (a foreign object's `_x` is refused to cells)."""

    __slots__ = ("_cells", "_new", "_saved")

    def __init__(self, cells: CellDecimal, new: Any) -> None:
        self._cells = cells
        self._new = new
        self._saved: Any = None

    def __enter__(self) -> Any:
        if not self._cells._in_run():
            raise OperationDenied("decimal.localcontext() works only while the cell runs",
                                  "PC205")
        self._saved = _real_getcontext()
        _real_setcontext(self._new)
        return self._new

    def __exit__(self, *exc: object) -> None:
        # Only in a run of the cell: a generator suspended inside the block and closed later
        # (by the host, or by the garbage collector) exits it in the host thread's context,
        # which would become the cell's context (a cell-owned, writable object).
        if self._saved is not None and self._cells._in_run():
            _real_setcontext(self._saved)
