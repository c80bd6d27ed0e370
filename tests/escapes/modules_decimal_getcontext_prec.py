# source: design brief (decimal.getcontext() host state mutation); RestrictedPython W10 (shared host state: random.seed)
# goal: change the host thread's decimal context, so later host arithmetic silently rounds to 3 digits
# expect: raises AttributeError
# note: unsure: the brief allows AttributeError or PermissionError; AttributeError assumes the write guard's denial of a non-owned object (or a view without getcontext)
import decimal
ctx = decimal.getcontext()
ctx.prec = 3
ESCAPED = ctx
