# source: RestrictedPython #142 -> PR #143 (A7 "os.popen bypass"); landscape C1 #4
# goal: os.popen through getattr with dunder strings, walking object.__subclasses__() to os._wrap_close
# expect: raises AttributeError
# note: adapted: the original indexes .pop(78), which is environment-specific and can fail with a natural AttributeError that would mask a guard failure
base = getattr(getattr([], '__class__'), '__base__')
for cls in getattr(base, '__subclasses__')():
    if cls.__name__ == '_wrap_close':
        ESCAPED = getattr(getattr(cls, '__init__'), '__globals__')
        ESCAPED['popen']('touch MARKER').read()
