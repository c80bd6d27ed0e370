# source: RestrictedPython CVE-2026-55830 lesson (A5: `match` captures, `case _getattr_:`)
# goal: bind `_getattr_` by a match capture pattern, then read a private attribute of a host module
# expect: raises AttributeError
import collections
match getattr:
    case _getattr_:
        ESCAPED = collections._sys
