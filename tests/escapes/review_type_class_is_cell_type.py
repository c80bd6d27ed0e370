# source: new: internal security review 2026-11 (finding 1b/2): type.__class__ leaked the internal CellType class
# goal: subclass the internal class and re-run its __init__ on the class itself to hijack every cell's type()
# expect: raises TypeError
# note: type.__class__ is the cell's type object itself, which is not a class base
victims = []
class Fake:
    def class_of(self, obj):
        victims.append(obj)
        return int
class S(type.__class__):
    pass
S.__init__(type.__class__, Fake())
ESCAPED = S
