# source: new: absolute host paths must stay cell paths inside the root (chroot-like)
# goal: create the marker file on the host through an absolute path
# expect: raises FileNotFoundError
ESCAPED = open('MARKER', 'w')
