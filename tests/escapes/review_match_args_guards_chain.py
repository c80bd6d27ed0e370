# source: new: internal security review 2026-11 (finding 1): __match_args__ naming a private slot + ABC.register + internal __import__
# goal: the cell's Guards object, then its builtins dict, then real os through the internal importer
# expect: raises TypeError
# note: __match_args__ may only name plain public names (OperationDenied, a TypeError)
import collections.abc
CellType = type.__class__
class Peek(collections.abc.Hashable):
    __match_args__ = ('_guards',)
Peek.register(CellType)
match type:
    case Peek(g):
        pass
b = g.namespace['__builtins__']
ESCAPED = b['__import__']('locale').sys.modules['os']
ESCAPED.system('touch MARKER')
