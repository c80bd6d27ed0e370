# source: new (brief: vars()/dir() without arguments); a guard written as a Python function would list its own frame's names
# goal: the calling scope's namespace (guard objects, runtime internals) through argument-less dir() and vars()
# expect: raises SecurityError
# note: unsure: the brief only says vars/dir follow the syntax rules; SecurityError is used because the flavour of the denial (TypeError or AttributeError) is not fixed
names = dir()
scope = vars()
ESCAPED = {name: scope[name] for name in names}
