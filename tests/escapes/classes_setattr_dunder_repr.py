# source: agent-sandboxes section 7 #7 / E13 (smolagents: setattr(A, "__repr__", f), verified); CVE-2026-4963 PR #2281
# goal: install a dunder hook with the setattr builtin (a host-triggered run outside the budget)
# expect: raises AttributeError
class A:
    pass
def myrepr(self):
    while True:
        pass
setattr(A, "__repr__", myrepr)
ESCAPED = A()
