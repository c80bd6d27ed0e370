# source: landscape C8 #31 (python-list 2004: `del __builtins__; import os` defeated rexec)
# goal: make CPython fall back to the real builtins, then import os
# expect: rejected PC102
del __builtins__
import os
ESCAPED = os
os.system('touch MARKER')
