# source: design brief (PC102 dunder-name); landscape C8 #29/#31; RestrictedPython #142 (os.popen bypass)
# goal: the real os module through __import__
# expect: rejected PC102
ESCAPED = __import__('os')
ESCAPED.system('touch MARKER')
