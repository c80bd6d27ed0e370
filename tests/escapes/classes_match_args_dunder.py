# source: new (brief: __match_args__ naming dunders): MATCH_CLASS reads the attributes named by __match_args__ natively
# goal: an exception's __traceback__ (and so frames) read by a positional class pattern instead of attribute syntax
# expect: raises TypeError
# note: __match_args__ is legal in a class body; class creation refuses entries that are not plain readable names (OperationDenied, PC205)
# note: was unsure: assumes a dunder name stored in a class body is PC102; a checker could file it under PC104
class Leaky(Exception):
    __match_args__ = ('__traceback__',)
try:
    raise Leaky()
except Leaky as e:
    match e:
        case Leaky(tb):
            ESCAPED = tb
