# source: new: internal security review 2026-11 (finding 11): re.DEBUG prints to the host's real stdout
# goal: write text into the host's stdout stream, bypassing the cell's capture
# expect: raises TypeError
import re
ESCAPED = re.compile("CELL-WROTE-TO-HOST-STDOUT", 128)
