# source: RestrictedPython W3 (guarded_setattr does no name check: setattr(h, '__class__', Evil) verified on 9.0)
# goal: change an object's class through the setattr builtin although `h.__class__ = Evil` is a static error
# expect: raises AttributeError
import json
class Evil(json.JSONDecoder):
    pass
class Owned:
    pass
h = Owned()
setattr(h, '__class__', Evil)
ESCAPED = h
