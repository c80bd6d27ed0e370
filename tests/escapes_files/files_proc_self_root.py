# source: new: /proc/self/root leads to the host's / from any process
# goal: read /etc/passwd through /proc/self/root
# expect: raises FileNotFoundError
ESCAPED = open('/proc/self/root/etc/passwd').read()
