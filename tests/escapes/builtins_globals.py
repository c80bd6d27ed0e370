# source: design brief (no globals/locals); landscape C8 #29 (pysandbox __builtins__ tampering)
# goal: the cell's globals dict, and through it whatever the runtime stores there (builtins, guards)
# expect: raises NameError
ESCAPED = globals()['__builtins__']
