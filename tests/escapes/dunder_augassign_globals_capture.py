# source: agent-sandboxes section 7 #1 / E1 (smolagents CVE-2026-4963, PR #2281): dunder read through an augmented-assignment target
# goal: a function's globals dict, captured by a reflected operator while `f.__globals__ += ...` is evaluated
# expect: rejected PC101
store = []
class G:
    def __radd__(self, *others):
        store.extend(others)
        return 0
def f():
    pass
try:
    f.__globals__ += G()
except Exception:
    pass
ESCAPED = store[0]
