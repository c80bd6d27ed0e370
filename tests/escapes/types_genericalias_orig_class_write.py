# source: new: adversarial review attack-lang: type() of a builtin generic alias (list[int]) gives types.GenericAlias, whose calls set __orig_class__ on the result
# goal: write an attribute onto a supervisor object and a stdlib class
# expect: raises AttributeError
# The typing._GenericAlias variant (review2_generic_alias_orig_class_write) is refused as a
# private class; types.GenericAlias has a public name, and calling an alias built with any
# callable as origin does `result.__orig_class__ = alias` on whatever the callable returns.
import json
GA = type(list[int])
GA(lambda: account, (int,))()
GA(lambda: json.JSONEncoder, (int,))()
print(hasattr(json.JSONEncoder, '__orig_class' + '__'))
