# source: design brief (sys/os imports); RestrictedPython import policy (#185, #197, #266)
# goal: a shell command through os
# expect: raises ImportError
import os
ESCAPED = os
os.system('touch MARKER')
