"""A hard backstop for memory while cells run: the process's address-space limit.

The memory budget charges the operations it knows before they allocate and measures the
process between steps, but a single C call can still materialise gigabytes (`list` of an
infinite iterator, `collections.deque(range(10**10))`). While a cell with a memory limit runs,
RLIMIT_AS is lowered to the current address space plus that limit and a margin, so such an
allocation fails with MemoryError (which the cell reports as MemoryLimitExceeded) instead of
exhausting the machine. The limit is process-wide: while it is in place, other threads of the
host are bound by it too. Where the platform has no RLIMIT_AS, nothing happens.
"""

from __future__ import annotations

import os
import threading

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]

#: Address space the interpreter may need besides the cell's own growth.
MARGIN = 32 * 2**20

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int] | None = None


def _address_space() -> int:
    with open("/proc/self/statm", "rb") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def enter(limit: int) -> None:
    """Lower RLIMIT_AS for the duration of a run (nested and concurrent runs share it)."""
    global _active, _saved
    if resource is None:
        return
    with _lock:
        _active += 1
        if _active > 1:
            return
        try:
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            target = _address_space() + limit + MARGIN
            if hard != resource.RLIM_INFINITY:
                target = min(target, hard)
            if soft == resource.RLIM_INFINITY or soft > target:
                resource.setrlimit(resource.RLIMIT_AS, (target, hard))
                _saved = (soft, hard)
        except (OSError, ValueError, OverflowError):
            # OverflowError: a limit beyond what RLIMIT_AS can hold, i.e. no backstop.
            _saved = None


def leave() -> None:
    """Restore the address-space limit when the last run ends."""
    global _active, _saved
    if resource is None:
        return
    with _lock:
        _active -= 1
        if _active == 0 and _saved is not None:
            try:
                resource.setrlimit(resource.RLIMIT_AS, _saved)
            except (OSError, ValueError, OverflowError):
                pass
            _saved = None
