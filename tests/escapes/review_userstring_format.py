# source: new: internal security review 2026-11 (finding 4): UserString.format forwards to the real str.format
# goal: read a function's __globals__ (the cell builtins) through format field names
# expect: raises AttributeError
import collections
def f(): pass
ESCAPED = collections.UserString("{0.__globals__[__builtins__]}").format(f)
