# source: design brief (decimal.getcontext() host state mutation); RestrictedPython W10 (shared host state: random.seed)
# goal: change the host's decimal contexts, so later host arithmetic silently rounds to 3 digits
# expect: raises AttributeError
# note: getcontext() now gives the cell a context of its own (runtime/decimals.py): that half
# note: of the payload succeeds inside the cell and test_host_effects checks the host's context
# note: stays as it was. What must still fail is the template every new thread copies.
import decimal
ctx = decimal.getcontext()
ctx.prec = 3
decimal.DefaultContext.prec = 3
ESCAPED = ctx
