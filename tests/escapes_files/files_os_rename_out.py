# source: new: moving a file out of the root with the os stand-in
# goal: rename a file from the root to beside it
# expect: raises PermissionError
import os
ESCAPED = os.rename('notes.txt', '../moved.txt')
