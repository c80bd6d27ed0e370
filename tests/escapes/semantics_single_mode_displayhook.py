# source: RestrictedPython W5 (mode='single' runs PRINT_EXPR -> sys.displayhook, writing host stdout and host builtins._)
# goal: write the host's builtins._ with an expression statement, then read it back through `_`
# expect: raises NameError
# note: W5 needs mode='single'; the harness runs exec mode, so this checks the read-back half: `_` must not resolve to the host's builtins._
value = 'written-by-cell'
value
ESCAPED = _
