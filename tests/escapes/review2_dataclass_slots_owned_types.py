# source: new: internal security review 2 (finding 4): dataclass(slots=True) made a class with library bases count as fully owned
# goal: mutate decimal.DecimalTuple._field_defaults shared with the host
# expect: raises AttributeError
# dataclass(slots=True) returns a new class, which the wrapper adds to `owned_types` (the set
# for classes whose whole MRO is the cell's) without checking its bases. Instances of it skip
# `_own_private`, so private class attributes of a *library* base are readable and, being
# shared mutable objects, writable: here the host's decimal.DecimalTuple._field_defaults.
import dataclasses, decimal
# (eq=False: with eq=True, dataclass() on a tuple subclass is now refused outright.)
@dataclasses.dataclass(slots=True, init=False, eq=False)
class S(decimal.DecimalTuple):
    pass
s = S(0, (1,), 0)
ESCAPED = s._field_defaults            # the real DecimalTuple._field_defaults
s._field_defaults['exponent'] = 'set-by-cell'
