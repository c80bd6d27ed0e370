# source: pysandbox 1.5 changelog (SIGALRM is ineffective during C calls)
# family: c-level
# expect: TimeLimitExceeded
# tier: isolated
# note: one builtin call that loops 10**12 times in C.
# note: sum() over a lazy range never returns to Python bytecode, so no in-process tick or
# note: watchdog check runs until it finishes; only the worker's CPU/wall limit stops it.
total = sum(range(10**12))
