# source: new (brief): three-argument type() with dunder keys; the names are strings, so PC104 never sees them
# goal: a class whose __del__ / __getattribute__ run attacker code later from host-side machinery (GC, host attribute probes)
# expect: raises SecurityError
# note: unsure: type(type(1)) may already be denied (real `type`), or the three-argument call may be; either way a SecurityError, flavour not fixed by the brief
def hook(*args):
    open('MARKER', 'w').close()
ESCAPED = type(type(1))('X', (), {'__del__': hook, '__getattribute__': hook})
