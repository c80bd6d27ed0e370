# source: new: CVE-2018-15664-style symlink escape (docker cp), link planted inside the root
# goal: read a file outside the root through an absolute symlink
# expect: raises PermissionError
ESCAPED = open('out_abs').read()
