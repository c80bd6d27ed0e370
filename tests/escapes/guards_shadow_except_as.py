# source: RestrictedPython CVE-2026-55830 lesson (A5: `except E as _getattr_`)
# goal: bind `_getattr_` in an except clause, then read a private attribute of a host module
# expect: raises AttributeError
import json
try:
    raise ValueError(getattr)
except ValueError as _getattr_:
    ESCAPED = json._default_decoder
