# source: new: agent-sandboxes E1 shape (CVE-2026-4963) aimed at a runtime-guarded attribute; `x.attr += v` loads attr natively
# goal: AttributeError.obj (the real object behind a denied lookup) captured by a reflected operator
# expect: rejected PC110
import string
store = []
class Grab:
    def __radd__(self, other):
        store.append(other)
        return other
try:
    string.no_such_attribute
except AttributeError as err:
    err.obj += Grab()
ESCAPED = store[0]
