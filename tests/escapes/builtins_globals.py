# source: design brief (no globals/locals); landscape C8 #29 (pysandbox __builtins__ tampering)
# goal: the cell's globals dict, and through it whatever the runtime stores there (builtins, guards)
# expect: raises KeyError
# (globals() is a read-only copy of the cell's identifier names: no dunders, no guard names)
ESCAPED = globals()['__builtins__']
