# source: new: turning an open file's descriptor into a second, unchecked open
# goal: reopen a descriptor with write access
# expect: raises PermissionError
f = open('notes.txt')
ESCAPED = open(f.fileno(), 'w')
