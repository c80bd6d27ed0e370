# source: new: PEP 3131 NFKC-normalises identifiers, so `__ｇｌｏｂａｌｓ︳︳` is `__globals__` in the AST; a checker that scans source text misses it
# goal: a host function's globals (and so the real builtins) through an attribute spelled with fullwidth letters and presentation-form low lines
# expect: rejected PC101
import string
ESCAPED = string.capwords.__ｇｌｏｂａｌｓ︳︳
ESCAPED['__builtins__']['open']('MARKER', 'w').close()
