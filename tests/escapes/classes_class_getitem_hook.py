# source: new (brief: __class_getitem__ hook): runs when host code subscripts the class (e.g. evaluating type hints)
# goal: attacker code run by `Cls[...]` from host-side typing machinery
# expect: rejected PC104
class Box:
    def __class_getitem__(cls, item):
        open('MARKER', 'w').close()
        return cls
ESCAPED = Box[int]
