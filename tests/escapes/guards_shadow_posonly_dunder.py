# source: RestrictedPython CVE-2026-55830 / GHSA-ffg3-p8fm-mjx2 (A5); agent-sandboxes section 7 #5 (`_steps_ = 0`; `def f(_getattr_=getattr, /)`); landscape C6 #24
# goal: replace the attribute guard inside f with a positional-only parameter, then read a dunder
# expect: rejected PC101
# note: `_getattr_` and `_steps_` are legal, meaningless names in paddedcell (its guards are unspellable); shadowing must change nothing
import string
_steps_ = 0
def f(_getattr_=getattr, /):
    return string.capwords.__globals__
ESCAPED = f()
