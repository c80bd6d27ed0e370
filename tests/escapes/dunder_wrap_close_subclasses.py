# source: landscape C1 #1 and #6 (classic type-graph walk: HackTricks pyjail family, mcp-use PR #1735; Jinja SSTI prefix ''.__class__.__mro__[1])
# goal: os.system through os._wrap_close.__init__.__globals__
# expect: rejected PC101
for cls in ''.__class__.__mro__[1].__subclasses__():
    if cls.__name__ == '_wrap_close':
        cls.__init__.__globals__['system']('touch MARKER')
