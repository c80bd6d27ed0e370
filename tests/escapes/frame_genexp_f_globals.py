# source: RestrictedPython A1 variant (genexp); simpleeval #138 / CVE fix 1.0.0 (landscape C2 #9: gi_frame.f_globals['__builtins__'])
# goal: the generator frame's globals and the builtins stored in them
# expect: rejected PC103
def make():
    return (x for x in (1,))
ESCAPED = make().gi_frame.f_globals['__builtins__']
