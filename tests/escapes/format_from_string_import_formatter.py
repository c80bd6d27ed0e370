# source: RestrictedPython CVE-2023-41039 full RCE PoC (A2) and the remaining gap noted under A6 (`from string import Formatter` is native IMPORT_FROM)
# goal: string.Formatter fetched by from-import instead of attribute syntax, then get_field to the real builtins
# expect: raises ImportError
from string import Formatter
import string
fmt = Formatter()
ESCAPED = fmt.get_field('0.__globals__[__builtins__]', (string.capwords,), {})[0]
ESCAPED['__import__']('os').system('touch MARKER')
