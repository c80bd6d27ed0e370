# source: landscape C1 #7 (pysandbox / HackTricks FunctionType(CodeType(...))) and C8 #31 (code run under other globals gets their real builtins)
# goal: re-run cell code under a host module's globals, where `open` resolves to the host's real builtin
# expect: rejected PC101
import json
def probe():
    return open
FunctionType = type(probe)
rebound = FunctionType(probe.__code__, json.dumps.__globals__)
ESCAPED = rebound()
ESCAPED('MARKER', 'w').close()
