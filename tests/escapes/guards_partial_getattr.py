# source: agent-sandboxes section 7 #9 (functools.partial(getattr, warnings)); smolagents CVE-2025-5120 tests
# goal: the real os module through getattr wrapped in functools.partial
# expect: raises AttributeError
import functools
import random
grab = functools.partial(getattr, random)
ESCAPED = grab('_os')
