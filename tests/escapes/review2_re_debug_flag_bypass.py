# source: new: internal security review 2 (finding 10): an int subclass whose & lies once gets re.DEBUG through
# goal: write to the host's real stdout
# expect: raises TypeError
# The re wrappers check `flags & re.DEBUG` once, on the value the cell passed. An int subclass
# whose __and__ answers 0 to that first test and the truth afterwards gets re.DEBUG through:
# the regex compiler prints its parse tree with the builtin print to the host's sys.stdout.
import re
class Flags(int):
    checked = False
    def __and__(self, other):
        if not Flags.checked:
            Flags.checked = True
            return 0                  # the wrapper's test
        return int(self) & other
    __rand__ = __and__
re.compile('INJECTED-INTO-HOST-STDOUT', Flags(128))
