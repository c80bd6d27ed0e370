# source: new: adversarial review attack-lang: cls.mro() lists the real enum.Enum behind the cell's checked copy
# goal: build a class with a __reduce_ex__ hook through the unchecked functional API, then let copy write into the supervisor object
# expect: raises AttributeError
# `__mro__` is denied but the public `mro()` method of classes returned the same list, real
# library classes included (enum.Enum, string.Template, whose hooks skip the cell's checks).
import enum, copy
def red(self, proto):
    return (lambda: account, (), {'_password': 'pwned'})
RealEnum = enum.Enum.mro()[1]
E = RealEnum('E', [('a', 1), ('__reduce_ex__', red), ('__copy__', None)])
copy.copy(E.a)
