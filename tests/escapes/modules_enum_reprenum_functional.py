# source: new: adversarial review attack-lang: enum.ReprEnum was granted without the checked functional API of Enum/IntEnum/...
# goal: build a class with a __reduce_ex__ hook through the functional API, then let copy write into the supervisor object
# expect: raises AttributeError
# (ReprEnum is no longer granted: the view has no such attribute)
import enum, copy
def red(self, proto):
    return (lambda: account, (), {'_password': 'pwned'})
E = enum.ReprEnum('E', type=int, names=[('a', 1), ('__reduce_ex__', red), ('__copy__', None)])
copy.copy(E.a)
