"""Run tree work with the cyclic garbage collector paused.

A syntax tree is thousands of small objects and no garbage cycles: pausing the collector
while one is built, walked and compiled saves a third of the time on large sources, and a
collection started there would also move a running cell's memory measure.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_collector(work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """`work(*args, **kwargs)` with the collector off, and on again afterwards if it was."""
    paused = gc.isenabled()
    try:
        # Inside the `try`: a limit raised asynchronously (the watchdog, `cell.cancel()`)
        # may arrive as `disable()` returns, and the collector must not stay off for the
        # whole process.
        if paused:
            gc.disable()
        return work(*args, **kwargs)
    finally:
        if paused:
            gc.enable()
