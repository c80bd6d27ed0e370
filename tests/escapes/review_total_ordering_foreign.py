# source: new: internal security review 2026-11 (finding 8): functools.total_ordering writes methods onto the class it is given
# goal: add methods to a library class shared with the host
# expect: raises TypeError
import functools, fractions
ESCAPED = functools.total_ordering(fractions.Fraction)
