# source: smolagents CVE-2025-5120 regression tests (random._os, queue.threading._os); agent-sandboxes E7
# goal: the real os module through a private module-level alias of an allowed module
# expect: raises AttributeError
import random
ESCAPED = random._os
ESCAPED.system('touch MARKER')
