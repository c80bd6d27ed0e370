# source: smolagents PR #274 (agent-sandboxes E9: len.__self__ is the builtins module); landscape C4 #18 (asteval print.__self__)
# goal: the real builtins module through a builtin function's __self__, then its open()
# expect: rejected PC101
ESCAPED = len.__self__
ESCAPED.open('MARKER', 'w').close()
