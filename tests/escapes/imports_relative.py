# source: design brief (PC108 relative-import); new: a relative import resolves against the host's __package__, not the cell's policy
# goal: a sibling module of whatever host package runs the cell
# expect: rejected PC108
from . import settings
ESCAPED = settings
