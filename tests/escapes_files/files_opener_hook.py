# source: new: open()'s opener= lets the caller choose the descriptor
# goal: open an arbitrary descriptor through opener
# expect: raises PermissionError
ESCAPED = open('notes.txt', opener=lambda path, flags: 0)
