# source: new (same class as landscape C5 #19 / agent-sandboxes E7): re imports enum (a public name, no underscore) and enum imports sys
# goal: the real sys (and os) through a chain of public module attributes of an allowed module
# expect: raises AttributeError
import re
ESCAPED = re.enum.sys.modules['os']
ESCAPED.system('touch MARKER')
