# source: agent-sandboxes section 7 #5 / E12 (smolagents budget tampering, verified)
# goal: reset the runtime's step counter from inside the loop it is counting
# expect: raises NameError
n = 0
for i in range(10000):
    n += 1
    _operations_count["counter"] = 0
ESCAPED = _operations_count
