# source: new: adversarial review 3: dataclasses.asdict reads every field with the native getattr
# goal: the raw str.format (no field guard) through a dataclass field named `format` that falls back to the str base; read supervisor private attributes and function globals
# expect: raises SecurityError
# A field declared without a value and without init has no class or instance attribute of its
# own, so asdict's getattr(obj, 'format') finds str.format bound to the cell's str subclass:
# the guards that wrap every `.format` read never see it.
import dataclasses
@dataclasses.dataclass(init=False, repr=False, eq=False)
class D(str):
    format: int
fmt = dataclasses.asdict(D("{0._password} {1.__globals__[__builtins__]}"))['format']
def f(): pass
ESCAPED = fmt(account, f)
print(ESCAPED)
