# source: design brief (operator without attrgetter/methodcaller); RestrictedPython A6 remaining gap (IMPORT_FROM is not mediated by the attribute guard)
# goal: operator.methodcaller fetched by from-import, then used to call a dunder method natively
# expect: raises ImportError
from operator import methodcaller
ESCAPED = methodcaller('__reduce_ex__', 2)(print)
