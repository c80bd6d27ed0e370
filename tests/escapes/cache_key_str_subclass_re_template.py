# source: new: review i4-modules finding 1, which the exact-str fix in runtime/hardening.py could not close on 3.12+ (re's C code keeps its own reference to the cached function after the process's first backslash template)
# goal: make the host's re.sub(p, r'\1', s) return the cell's replacement: a str subclass whose hash and equality copy r'\1' becomes the key of re's process-wide template cache
# expect: raises OperationDenied
import re
class S(str):
    def __hash__(self):
        return hash('\\1')
    def __eq__(self, other):
        return True
ESCAPED = re.sub('(a)', S('\\1PWNED'), 'a')
