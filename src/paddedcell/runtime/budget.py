"""Budgets: steps, wall time, output, memory and recursion for one run of a cell.

Rewritten code ticks with `.next(.ticks)` at every function entry and through `zip(it,
.ticks)` at every loop iteration. `ticks` is a C-level iterator (`itertools.chain` over the
iterators of chunk lists, which cancelling empties), so a tick costs one C call; every
`CHUNK` ticks (`CALLBACK_CHUNK` in callbacks) the chain asks `_Refill` for the next chunk, and
that is where time, memory, recursion depth and cancellation are checked. Once exhausted a
budget stays exhausted (the first reason wins): every later checkpoint raises again, so
`finally`, `__exit__` and generator cleanup cannot outlive it. Cancelling is safe from any thread.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any

from ..errors import (
    LimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    RecursionLimitExceeded,
    StepLimitExceeded,
    TimeLimitExceeded,
)
from ..policy import Limits

#: Ticks between checkpoints. A checkpoint costs about a microsecond; a tick about 25 ns.
CHUNK = 256
#: The same for budgets of callbacks the host makes outside a run (`repr(cell_object)`): no
#: watchdog follows the host there, so the clock is read every few steps instead (a step
#: that is one long C call would otherwise go 255 more times unchecked).
CALLBACK_CHUNK = 8
#: Seconds between two reads of the process's resident memory (a few microseconds each).
MEMORY_INTERVAL = 0.002

_monotonic = time.monotonic
_getframe = sys._getframe
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    """The process's resident set size, from /proc where there is one."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except OSError:  # pragma: no cover - not Linux
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def frame_depth() -> int:
    depth = 0
    frame: Any = _getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


class Budget:
    """One budget. `parent` (a cell's lifetime budget) is charged as well."""

    def __init__(self, limits: Limits, parent: Budget | None = None, chunk: int = CHUNK) -> None:
        self.limits = limits
        #: Ticks between checkpoints (CHUNK in runs, CALLBACK_CHUNK for callbacks).
        self.chunk = chunk
        self.cancelled: LimitExceeded | None = None
        #: The chunk of steps the ticker is handing out: emptied when the budget runs out,
        #: so the next step reaches a checkpoint and raises (not up to a chunk later: a
        #: limit the watchdog raised can be discarded, `finally: continue`, and each of those
        #: steps could run library code that takes none until the watchdog raises again).
        self._chunk: list[bool] = []
        #: Non-empty while the budget and every budget it charges live: rewritten except
        #: clauses test it inline, so a parent's exhaustion must empty it too (see `cancel`).
        self.alive: set[bool] = {True}
        self._lock = threading.Lock()
        #: Budgets that charge this one (made lazily): cancelled with it.
        self._children: weakref.WeakSet[Budget] | None = None
        self._parent: Budget | None = None
        self.parent = parent
        self.steps_left = limits.steps
        self.output_left = limits.output
        self.started = False
        self.deadline: float | None = None
        self.memory_base = 0
        self._next_memory_check = 0.0
        self.depth_base = 0
        # If calling _Refill itself fails (the interpreter's recursion counter, spent by deep
        # C recursion, refuses even that call), chain.from_iterable drops it and ends; the
        # outer chain then moves on to _Exhausted, so the ticker raises and never just stops.
        self.ticks: Iterator[bool] = itertools.chain(
            itertools.chain.from_iterable(_Refill(self)), _Exhausted(self))

    @property
    def parent(self) -> Budget | None:
        return self._parent

    @parent.setter
    def parent(self, parent: Budget | None) -> None:
        """Charge `parent` from now on (a lifetime budget is re-parented for each run). A
        budget below an exhausted one starts exhausted."""
        self._parent = parent
        if parent is None:
            return
        with parent._lock:
            if parent._children is None:
                parent._children = weakref.WeakSet()
            parent._children.add(self)
        reason = parent.exhausted()
        if reason is not None:
            self.cancel(reason)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self, base_depth: int | None = None) -> None:
        """Start the clock and take the memory and stack baselines (idempotent).

        `base_depth` is the stack depth just below the cell's outermost frame; when the
        budget starts at its first checkpoint instead, it is derived from there."""
        if self.started:
            return
        self.started = True
        if self.limits.time is not None:
            self.deadline = _monotonic() + self.limits.time
        if self.limits.memory is not None:
            self.memory_base = resident_bytes()
        if base_depth is None:
            # called from checkpoint(): cell frame -> _Refill.__next__ -> checkpoint -> start
            base_depth = frame_depth() - 3
        self.depth_base = base_depth
        if self.parent is not None:
            self.parent.start(base_depth)

    def cancel(self, reason: LimitExceeded) -> None:
        """Exhaust the budget (the first reason wins), and every budget that charges it: their
        code's handlers test only their own `alive`. Safe from any thread."""
        with self._lock:
            if self.cancelled is not None:
                return
            self.cancelled = reason
            self.alive.clear()
            self._chunk.clear()
            children = list(self._children) if self._children is not None else []
        for child in children:
            child.cancel(reason)

    def exhausted(self) -> LimitExceeded | None:
        """Why this budget or one it charges (lifetime, a parent cell's) ran out, or None."""
        budget: Budget | None = self
        while budget is not None:
            if budget.cancelled is not None:
                return budget.cancelled
            budget = budget.parent
        return None

    def fail(self) -> LimitExceeded:
        """A fresh exception for the reason the budget ran out."""
        reason = self.cancelled
        assert reason is not None
        return type(reason)(*reason.args)

    def overdue(self) -> LimitExceeded | None:
        """For the watchdog thread: the reason this budget is exhausted (checking the clock and
        the memory now), or None."""
        if self.cancelled is None and self.started:
            self._check(recursion=False)
        return self.cancelled

    def final_check(self) -> None:
        """At the end of a run that returned normally: time and memory are checked once more
        (growth in the last steps, or in library code, reached no checkpoint)."""
        if self.cancelled is None:
            self._next_memory_check = 0.0
            self._check(recursion=False)
        if self.cancelled is not None:
            raise self.fail()

    def raise_if_exhausted(self) -> None:
        if self.cancelled is not None:
            raise self.fail()

    # -- the checkpoint --------------------------------------------------------------------------
    def checkpoint(self) -> int:
        """Check every limit; return how many ticks the next chunk may have."""
        if not self.started:
            self.start()
        if self.cancelled is None:
            self._check()
        if self.cancelled is None and self.parent is not None:
            self.parent.checkpoint_as_parent(self, self.chunk)
        if self.cancelled is not None:
            raise self.fail()
        if self.steps_left is None:
            return self.chunk
        grant = min(self.chunk, self.steps_left)
        self.steps_left -= grant
        if grant <= 0:
            self.cancel(StepLimitExceeded(f"more than {self.limits.steps} steps"))
            raise self.fail()
        return grant

    def checkpoint_as_parent(self, child: Budget, steps: int) -> None:
        """A checkpoint of `child` (a chunk of its steps) charged here and, in turn, to every
        budget above: a sub-cell's sub-cell spends its grandparent's steps too."""
        self._check()
        if self.cancelled is None and self.steps_left is not None:
            self.steps_left -= steps
            if self.steps_left < 0:
                self.cancel(StepLimitExceeded(f"more than {self.limits.steps} steps, counting "
                                              "the lifetime and sub-cells"))
        if self.cancelled is None and self.parent is not None:
            self.parent.checkpoint_as_parent(self, steps)
        if self.cancelled is not None:
            child.cancel(self.fail())

    def _check(self, recursion: bool = True) -> None:
        now = _monotonic()
        if self.deadline is not None and now > self.deadline:
            self.cancel(TimeLimitExceeded(f"ran longer than {self.limits.time} s"))
            return
        limits = self.limits
        if limits.memory is not None and now >= self._next_memory_check:
            self._next_memory_check = now + MEMORY_INTERVAL
            grown = resident_bytes() - self.memory_base
            if grown > limits.memory:
                self.cancel(MemoryLimitExceeded(
                    f"the process grew by {grown} bytes; the limit is {limits.memory}"))
                return
        if recursion and limits.recursion is not None:
            # From here: _check -> checkpoint -> _Refill.__next__ -> the ticking cell frame.
            # That frame is deeper than allowed iff this frame exists (one C-level walk).
            try:
                _getframe(self.depth_base + limits.recursion + 3)
            except ValueError:
                return
            self.cancel(RecursionLimitExceeded(f"calls nested deeper than {limits.recursion}"))

    # -- charges -------------------------------------------------------------------------------
    def charge_memory(self, nbytes: int, what: str) -> None:
        """Refuse an operation that would allocate `nbytes` past the memory limit."""
        limit = self.limits.memory
        if limit is None:
            if self.parent is not None:
                self.parent.charge_memory(nbytes, what)
            return
        if not self.started:
            self.start()
        if nbytes > limit or nbytes + max(0, resident_bytes() - self.memory_base) > limit:
            self.cancel(MemoryLimitExceeded(f"{what} would allocate about {nbytes} bytes; "
                                            f"the limit is {limit}"))
            raise self.fail()
        if self.parent is not None:
            self.parent.charge_memory(nbytes, what)

    def charge_output(self, nchars: int) -> None:
        """Refuse output past the limit (nothing of the refused text is written)."""
        if self.output_left is not None:
            if nchars > self.output_left:
                self.cancel(OutputLimitExceeded(f"more than {self.limits.output} characters "
                                                "of output"))
                raise self.fail()
            self.output_left -= nchars
        if self.parent is not None:
            self.parent.charge_output(nchars)

    @property
    def memory_limited(self) -> bool:
        return self.limits.memory is not None or (
            self.parent is not None and self.parent.memory_limited)


class _Refill:
    """The iterator of chunks that `ticks` chains: its `__next__` is the checkpoint.

    It never raises: `itertools.chain` drops a source that raised, which would end the
    ticker. When the budget is exhausted it returns an `_Exhausted` iterator instead; chain
    keeps an active iterator that raised, so every later tick raises again (sticky)."""

    __slots__ = ("_budget",)

    def __init__(self, budget: Budget) -> None:
        self._budget = budget

    def __iter__(self) -> _Refill:
        return self

    def __next__(self) -> Any:
        budget = self._budget
        try:
            # A list's iterator reads its length at every step: emptying the list (cancel)
            # ends the chunk at once.
            chunk = [True] * budget.checkpoint()
            budget._chunk = chunk
            if budget.cancelled is not None:  # cancelled by another thread meanwhile
                chunk.clear()
            return iter(chunk)
        except LimitExceeded:
            return _Exhausted(budget)
        except RecursionError:
            # The interpreter's own depth counter (C recursion, deep json) ran out inside the
            # checkpoint: an exhausted recursion budget, never a dead ticker.
            budget.cancel(RecursionLimitExceeded("calls nested deeper than the interpreter "
                                                 "allows"))
            return _Exhausted(budget)
        except BaseException as exc:  # MemoryError, an asynchronous limit: never a dead ticker
            budget.cancel(exc if isinstance(exc, LimitExceeded) else
                          MemoryLimitExceeded(f"the checkpoint failed: {type(exc).__name__}"))
            return _Exhausted(budget)


class _Exhausted:
    """Raises the budget's reason at every step."""

    __slots__ = ("_budget",)

    def __init__(self, budget: Budget) -> None:
        self._budget = budget

    def __iter__(self) -> _Exhausted:
        return self

    def __next__(self) -> Any:
        budget = self._budget
        if budget.cancelled is None:
            budget.cancel(RecursionLimitExceeded("the step counter could not be refilled: "
                                                 "calls nested too deep"))
        raise budget.fail()
