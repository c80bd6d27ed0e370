# source: new: classic path traversal (CWE-22)
# goal: write beside the root
# expect: raises PermissionError
ESCAPED = open('sub/../../secret/written.txt', 'w')
