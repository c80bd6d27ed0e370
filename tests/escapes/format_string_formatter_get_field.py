# source: RestrictedPython CVE-2026-76825 / GHSA-hp3v-5vw7-fx9w (A6 PoC, 8.4 regression test); landscape C3 #16
# goal: the real builtins dict as a live object from string.Formatter().get_field, names built without underscores
# expect: raises AttributeError
import string
fmt = string.Formatter()
U = chr(95)
g = U * 2 + 'globals' + U * 2
b = U * 2 + 'builtins' + U * 2
src = string.capwords
ESCAPED = fmt.get_field('0.' + g + '[' + b + ']', (src,), {})[0]
ESCAPED['open']('MARKER', 'w').close()
