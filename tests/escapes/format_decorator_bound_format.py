# source: LangChain #21592 decorator trick (agent-sandboxes E10) without exec; landscape C3 #13 (Jinja CVE-2024-56326: bound format called indirectly)
# goal: a function's globals leaked by a bound str.format that the decorator machinery calls implicitly
# expect: raises AttributeError
@"{0.__globals__[__builtins__]}".format
def leak():
    pass
ESCAPED = leak
