# source: review of the globals() builtin (this project)
# goal: write a dunder into the cell's real globals through globals() (a live dict would allow it)
# expect: raises TypeError
globals()['__builtins__'] = {'ESCAPED': 1}
ESCAPED = True
