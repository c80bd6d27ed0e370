# source: RestrictedPython CVE-2026-55830 (A5 PoC 1, verified on 8.2: host math.pi changed past full_write_guard)
# goal: change an attribute of a shared host module by shadowing the write guard with a positional-only parameter
# expect: raises AttributeError
# note: unsure: AttributeError assumes the write guard (non-owned object / read-only view) denies with an AttributeError flavour, not PermissionError
import math
def f(_write_=lambda ob: ob, /):
    math.pi = 4
f()
ESCAPED = math
