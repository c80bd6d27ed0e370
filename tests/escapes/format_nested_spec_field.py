# source: new: replacement fields nested inside a format spec are resolved by str.format too; a field checker that only looks at the outer field names misses them
# goal: a host function's globals delivered as the format spec to a cell object's __format__
# expect: raises AttributeError
import string
class Sink:
    def __format__(self, spec):
        global ESCAPED
        ESCAPED = spec
        return ''
'{0:{1.__globals__}}'.format(Sink(), string.capwords)
