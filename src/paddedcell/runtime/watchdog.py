"""A watchdog thread that stops runs which cannot reach a checkpoint.

Checkpoints run between the steps of cell code. Python code *inside library modules*
(`statistics.fmean` over a long iterator, `random.shuffle`, `heapq.merge`) takes no steps, so
no checkpoint sees the clock, the memory or `cell.cancel()`. While a run with a time or memory
limit is in progress, this thread checks its budget every few milliseconds and, when it is
exhausted, raises the limit asynchronously in the running thread
(`PyThreadState_SetAsyncExc`): it arrives at the next bytecode boundary. One long C call is
still not interruptible (the README says so; use the isolated tier).

The limit is raised again every REARM seconds while the run goes on: the cell can discard an
asynchronous exception (`finally: return` around a loop whose steps are long C calls) and then
call library code that takes no steps, where no checkpoint would ever raise it again.
"""

from __future__ import annotations

import ctypes
import threading
import time
from dataclasses import dataclass, field

from .budget import Budget

INTERVAL = 0.005
#: Seconds after raising a limit in a run that is still going before raising it again.
REARM = 0.1

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


@dataclass
class _Watch:
    budget: Budget
    thread: int
    active: bool = True
    raised: bool = False
    raised_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Watchdog:
    """One daemon thread for the process, watching every registered run."""

    def __init__(self) -> None:
        self._watches: dict[int, _Watch] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.ident: int | None = None

    def watch(self, budget: Budget) -> _Watch:
        entry = _Watch(budget, threading.get_ident())
        with self._lock:
            self._watches[id(entry)] = entry
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="paddedcell-watchdog",
                                                daemon=True)
                self._thread.start()
        return entry

    def release(self, entry: _Watch) -> None:
        """The run is over: nothing more may be raised in its thread."""
        with entry.lock:
            entry.active = False
            if entry.raised:
                _set_async_exc(ctypes.c_ulong(entry.thread), None)  # clear one not yet seen
        with self._lock:
            self._watches.pop(id(entry), None)

    def _loop(self) -> None:
        self.ident = threading.get_ident()
        while True:
            time.sleep(INTERVAL)
            with self._lock:
                watches = list(self._watches.values())
            now = time.monotonic()
            for entry in watches:
                if entry.raised and now - entry.raised_at < REARM:
                    continue
                reason = entry.budget.overdue()
                if reason is None:
                    continue
                with entry.lock:
                    if entry.active and (not entry.raised or now - entry.raised_at >= REARM):
                        entry.raised = True
                        entry.raised_at = time.monotonic()
                        _set_async_exc(ctypes.c_ulong(entry.thread), ctypes.py_object(type(reason)))


WATCHDOG = Watchdog()
