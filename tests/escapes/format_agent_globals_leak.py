# source: agent-sandboxes section 7 #4 / E3 (smolagents, verified); landscape C3 #11 (Jinja CVE-2016-10745, Ronacher 2016)
# goal: a function's globals rendered by str.format field traversal done in C
# expect: raises AttributeError
def f():
    pass
ESCAPED = "{0.__globals__}".format(f)
