# source: agent-sandboxes section 7 #12 / E14 (CVE-2026-4963 advisory: __enter__ run from evaluator code)
# goal: a guard error inside __enter__ swallowed by the cell's own __exit__, or __enter__ run without the cell's guards
# expect: raises AttributeError
# note: an exception in __enter__ is never passed to __exit__ in CPython, so the guard error must propagate
import random
class C:
    def __enter__(self):
        return random._inst
    def __exit__(self, *a):
        return True
with C() as v:
    1 / 0
ESCAPED = v
