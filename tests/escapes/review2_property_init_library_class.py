# source: new: internal security review 2 (finding 2): property.__init__ re-initialises a shared property in place
# goal: make a library class's property run cell code in the host
# expect: raises AttributeError
# The INIT guard lets `X.__init__` through for any builtin X ("does what native syntax can do
# anyway"). But property.__init__ re-initialises an *existing* property object in place, and
# `LibClass.prop` hands out the property object of any Python library/supervisor class.
# Here the host's fractions.Fraction.numerator getter becomes a cell function: after the cell
# returns, every host (and other cell) Fraction arithmetic runs cell code with host objects.
import fractions
seen = []
def numerator(self):
    seen.append(self)                 # host objects flow into the cell
    return fractions.Fraction.denominator.fget(self) * 0 + 666
property.__init__(fractions.Fraction.numerator, numerator)
