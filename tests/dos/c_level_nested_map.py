# source: python/cpython#103503 (nested map segfaults); python/cpython#102356 (nested filter)
# family: c-level
# expect: WorkerCrashed|RecursionLimitExceeded|MemoryLimitExceeded|TimeLimitExceeded
# tier: isolated
# note: next() recurses through map_next in C once per level with no recursion check on 3.11,
# note: overflowing the C stack: CPython 3.11.7 dies with SIGSEGV. Building the chain is a
# note: 10**6-step Python loop (under the step limit), so the in-process tier must never run it.
# note: unsure: the isolated tier sees a dead worker; WorkerCrashed (an Exception, not a
# note: LimitExceeded) is listed because a segfault is not a budget running out.
# note: TimeLimitExceeded: on a loaded machine (CI once, on 3.13) building the chain outlasts
# note: the 1 s limit before next() runs; the payload is stopped either way.
m = iter([1])
for _ in range(10**6):
    m = map(abs, m)
next(m)
