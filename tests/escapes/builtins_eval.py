# source: design brief (no eval); RestrictedPython check for exec/eval by bare name; landscape C8 #31 (eval/exec fill fresh globals with real builtins)
# goal: evaluate a string outside the checker
# expect: raises NameError
ESCAPED = eval("__import__('os').system('touch MARKER')")
