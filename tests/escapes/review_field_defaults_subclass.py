# source: new: internal security review 2026-11 (finding 7): private class attributes of a library base through an owned subclass
# goal: mutate decimal.DecimalTuple._field_defaults, a dict shared with the host
# expect: raises AttributeError
import decimal
class S(decimal.DecimalTuple):
    pass
S._field_defaults['injected'] = 'by-cell'
ESCAPED = S._field_defaults
