# source: RestrictedPython PR #285 (A1 variant through getattr strings; escaped 7.2, where safer_getattr lacked INSPECT_ATTRIBUTES)
# goal: the same frame walk as CVE-2023-37271 with every frame attribute passed to getattr as a string
# expect: raises AttributeError
g = None
leak = None
def test():
    global g, leak
    leak = getattr(getattr(getattr(g, "gi_frame"), "f_back"), "f_back")
    yield leak
g = test()
g.send(None)
ESCAPED = leak
getattr(leak, "f_builtins").get('__import__')('os').system('touch MARKER')
