# source: RestrictedPython CVE-2026-55830 lesson (A5: `import x as _getattr_`); RestrictedPython 4.0 #102 (imports binding hook names)
# goal: bind hook-like names by import aliases, then read a module attribute of an allowed module
# expect: raises AttributeError
import operator as _getattr_
from functools import partial as _write_
from itertools import chain as _getiter_
import statistics
ESCAPED = statistics.sys
