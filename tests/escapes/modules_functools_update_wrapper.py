# source: new: functools.update_wrapper copies attributes named by strings with native getattr/setattr (same class as string.Formatter and attrgetter, RestrictedPython A6 "remaining gap")
# goal: copy json's module namespace (codecs, decoder, _default_decoder, __builtins__) into a cell-owned object, where it is then readable without any guard
# expect: raises SecurityError
# note: unsure: the brief does not say how functools.wraps/update_wrapper are mediated; any SecurityError flavour is accepted here
import functools
import json
class Box:
    pass
box = Box()
functools.update_wrapper(box, json, assigned=(), updated=('__dict__',))
ESCAPED = box.codecs
ESCAPED.open('MARKER', 'w').close()
