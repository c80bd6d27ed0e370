# source: landscape C8 #29 (pysandbox 1.0.2/1.0.3/1.6 fixes: __builtins__['X'] = ..., .update, .pop)
# goal: tamper with the builtins mapping shared by cells, and read __import__ out of it
# expect: rejected PC102
__builtins__['len'] = lambda obj: 0
ESCAPED = __builtins__['__import__']('os')
