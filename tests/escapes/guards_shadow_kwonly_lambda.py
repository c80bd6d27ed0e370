# source: RestrictedPython CVE-2026-55830 lesson (A5: every binding site; lambda and keyword-only arguments)
# goal: shadow the attribute and item guards with keyword-only lambda parameters, then read a dunder
# expect: rejected PC101
import string
grab = lambda *, _getattr_=getattr, _getitem_=None: string.capwords.__globals__
ESCAPED = grab()
