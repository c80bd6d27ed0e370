# source: RestrictedPython CVE-2026-55830 lesson (A5: for targets, with-as, global, def and class names, *args/**kwargs)
# goal: bind every remaining hook-like name, then read a private attribute of a host module
# expect: raises AttributeError
import random
global _write_
_getattr_ = getattr
for _getiter_ in [iter]:
    pass
class _print_:
    pass
def _inplacevar_(*_apply_, **_unpack_sequence_):
    return _apply_
class Manager:
    def __enter__(self):
        return setattr
    def __exit__(self, *exc):
        return False
with Manager() as _write_:
    ESCAPED = random._inst
