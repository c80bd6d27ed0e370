# source: RestrictedPython CVE-2024-47532 / GHSA-5rfv-66g4-jr8h (A3 variant with a raising getattr); landscape C7 #27
# goal: the real object behind a module view, carried out on AttributeError.obj
# expect: raises AttributeError
import string
try:
    string.no_such_attribute
except AttributeError as e:
    ESCAPED = e.obj
