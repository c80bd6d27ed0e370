# source: new: internal security review 2 (finding 11): type() of a typing alias gives typing._GenericAlias, whose calls set __orig_class__ on the result
# goal: write an attribute onto a supervisor object
# expect: raises AttributeError
# type() hands out typing's private _GenericAlias class; an alias built with any callable as
# origin, when called, does `result.__orig_class__ = alias` on whatever the callable returns:
# a write (fixed name, cell-made value) on supervisor objects and library classes.
import typing, json
GA = type(typing.List[int])
GA(lambda: account, (int,))()
GA(lambda: json.JSONEncoder, (int,))()
print(hasattr(json.JSONEncoder, '__orig_class' + '__'))
