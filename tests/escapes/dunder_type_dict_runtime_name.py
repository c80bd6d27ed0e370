# source: agent-sandboxes section 7 #10 / E5 (crewAI PR #4643): name built at run time, then a mappingproxy lookup
# goal: object.__subclasses__() (the whole type graph) without spelling the name
# expect: rejected PC101
k = "".join(map(chr, [95, 95, 115, 117, 98, 99, 108, 97, 115, 115, 101, 115, 95, 95]))
ESCAPED = type.__dict__[k](object)
