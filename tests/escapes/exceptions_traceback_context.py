# source: landscape C7 (exceptions as escape channels); RestrictedPython A3 lesson (chained __context__ carries host objects); landscape C2 #10
# goal: guard or host internals carried on a caught exception's __traceback__, __context__ and __cause__
# expect: rejected PC101
import string
try:
    string.no_such_attribute
except AttributeError as e:
    ESCAPED = (e.__traceback__, e.__context__, e.__cause__)
