# source: new: re-running __init__ on an existing FileIO reopens it on another path
# goal: re-initialise the cell's raw file object on a host path
# expect: raises AttributeError
raw = open('notes.txt', 'rb', buffering=0)
raw.__init__('MARKER', 'w')
ESCAPED = raw
