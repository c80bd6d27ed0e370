# source: new: dir_fd= on os functions resolves relative to a caller-chosen descriptor
# goal: stat through descriptor 0 instead of the root
# expect: raises TypeError
import os
ESCAPED = os.stat('x', dir_fd=0)
