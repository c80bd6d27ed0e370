# source: landscape C4 #17 (asteval #86: print.__reduce__() returned (getattr, (interpreter, 'print')))
# goal: if the cell's print is a bound method of a host object, __reduce_ex__ hands out that host object
# expect: rejected PC101
reduced = print.__reduce_ex__(2)
ESCAPED = reduced[1][0]
