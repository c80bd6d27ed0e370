# source: new: enum's functional API builds classes outside the class-statement checks
# goal: a host-built enum class carrying a cell-chosen __reduce_ex__ hook
# expect: raises TypeError
from enum import Enum
def hook(self, proto):
    return (print, ('pickled',))
ESCAPED = Enum('E', [('__reduce_ex__', hook), ('A', 1)])
