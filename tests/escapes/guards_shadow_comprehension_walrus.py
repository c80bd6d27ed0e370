# source: RestrictedPython CVE-2026-55830 lesson (A5: comprehension targets, `(_getattr_ := f)`)
# goal: bind guard-like names as a comprehension target and by walrus, then read a private attribute of a host module
# expect: raises AttributeError
import random
ESCAPED = [(_write_ := setattr, random._os) for _getattr_ in [getattr]]
