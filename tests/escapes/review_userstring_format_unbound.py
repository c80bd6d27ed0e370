# source: new: internal security review 2026-11 (finding 4, unbound and format_map variants)
# goal: format field traversal through UserString.format_map called unbound
# expect: raises AttributeError
import collections
def f(): pass
fm = collections.UserString.format_map
ESCAPED = fm(collections.UserString("{x.__globals__}"), {"x": f})
