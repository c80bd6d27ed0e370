# source: new: class patterns read keyword attributes natively (MATCH_CLASS), so `case AttributeError(obj=x)` skips an attribute guard on .obj
# goal: AttributeError.obj (the real object behind a denied lookup) through a match statement
# expect: rejected PC109
# note: guarded attributes in class patterns are rejected statically
# note: was unsure: a checker could instead reject class patterns naming runtime-guarded attributes statically
import string
try:
    string.no_such_attribute
except AttributeError as e:
    match e:
        case AttributeError(obj=target):
            ESCAPED = target
