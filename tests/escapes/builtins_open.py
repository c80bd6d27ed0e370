# source: design brief (no open); RestrictedPython Guards.py omitted-builtins list
# goal: write a file on the host
# expect: raises NameError
ESCAPED = open('MARKER', 'w')
ESCAPED.close()
