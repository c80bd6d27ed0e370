# source: new: internal security review 2 (finding 9): enum unpacks functional-API items by iteration, the check looked at item[0]
# goal: a host-built enum class with __del__/__reduce_ex__ hooks
# expect: raises TypeError
# The enum functional-API wrapper (_checked_enum/_member_names) vets `n[0]` of each
# non-str item, but enum's real _create_ unpacks the item by iterating it. An object whose
# __getitem__ and __iter__ (both allowed special methods) disagree smuggles dunder names in:
# the class is built by EnumType outside the class-statement checks (review_enum_functional_hooks).
from enum import Enum
log = []
def bomb(self):
    log.append('cell __del__ ran')
    print('cell __del__ running in the host, after the cell returned')
class Pair:
    def __init__(self, name, value):
        self.name = name
        self.value = value
    def __getitem__(self, i):
        return 'A'                           # what the wrapper checks
    def __iter__(self):
        return iter((self.name, self.value)) # what enum uses
E = Enum('E', [Pair('__del__', bomb), Pair('__reduce_ex__', lambda self, p: (print, ('x',))), ('A', 1)])
