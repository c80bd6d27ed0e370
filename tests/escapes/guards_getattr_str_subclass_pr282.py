# source: RestrictedPython PR #282 (A7: safer_getattr bypassed with a str subclass whose startswith lies)
# goal: object.__subclasses__() and BuiltinImporter.load_module('os') through getattr with a lying str subclass
# expect: raises TypeError
def g(obj, name):
    class FakeString(str):
        def startswith(self, _):
            return False
    return getattr(obj, FakeString(name))
subclasses = g(g(g(str, "__class__"), "__base__"), "__subclasses__")()
x = "test"
while "BuiltinImporter" not in str(x):
    x = subclasses.pop()
ESCAPED = x.load_module('os')
ESCAPED.system('touch MARKER')
