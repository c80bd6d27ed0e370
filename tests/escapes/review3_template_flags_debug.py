# source: new: adversarial review 3: string.Template.__init_subclass__ compiles the class's pattern with the real re and cls.flags
# goal: write to the host's real stdout (re.DEBUG dumps the parsed pattern with print)
# expect: raises SecurityError
# The cell's re wrappers refuse re.DEBUG, but a Template subclass's pattern is compiled by
# string's own reference to the real re module, with whatever `flags` the class carries.
import string
class T(string.Template):
    flags = 128
