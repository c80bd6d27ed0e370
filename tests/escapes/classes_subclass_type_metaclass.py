# source: new (brief): a metaclass made by subclassing `type` and called directly, so no metaclass= keyword for PC105; hooks built with dict.fromkeys
# goal: a class whose __init_subclass__ / __set_name__ / __del__ are attacker functions, without spelling any dunder
# expect: raises TypeError
# note: unsure: TypeError fits `type` being a guard function (subclassing a function is a TypeError) or a TypeError-flavoured SecurityError; a PermissionError flavour would not match
def hook(*args, **kwargs):
    open('MARKER', 'w').close()
class Meta(type):
    pass
ns = dict.fromkeys(['__init_subclass__', '__set_name__', '__del__'], hook)
ESCAPED = Meta('X', (object,), ns)
