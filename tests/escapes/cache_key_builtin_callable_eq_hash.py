# source: new: review rev-late, item 3 (Guards.check_hashing accepted any C callable as __eq__/__hash__: a builtin function or a bound builtin method is C code, but not the builtin's comparison)
# goal: give a str subclass the hash of r'\1' (a bound int method called with no argument returns it) and an __eq__ that is always true (repr of the other side), so it can stand in for the host's template in re's process-wide cache
# expect: raises OperationDenied
import re
class S(str):
    __hash__ = hash('\\1').conjugate
    __eq__ = repr
ESCAPED = re.sub('(a)', S('\\1PWNED'), 'a')
