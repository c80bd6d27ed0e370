# source: new: the raw layer's class reopens host paths (io.FileIO(name, mode))
# goal: construct a FileIO on a host path from a cell file's class
# expect: raises AttributeError
ESCAPED = type(open('notes.txt', 'rb').raw)('MARKER', 'w')
