# source: new: agent-sandboxes E1 shape (CVE-2026-4963) aimed at str.format; landscape C3 #13 (bound format called indirectly)
# goal: the raw bound str.format (no field-name check) captured by a reflected operator, then used on a host function
# expect: rejected PC110
import string
store = []
class Grab:
    def __radd__(self, other):
        store.append(other)
        return 0
template = '{0.__globals__[__builtins__]}'
try:
    template.format += Grab()
except AttributeError:
    pass
ESCAPED = store[0](string.capwords)
