# source: RestrictedPython CVE-2025-22153 / GHSA-gmj9-h825-chq2 (A4 PoC; python/cpython#128049); landscape C7 #28
# goal: type confusion in CPython 3.11-3.13.1 except* (split() result only asserted), i.e. memory corruption
# expect: rejected PC106
# note: evidence is an interpreter crash (exit 139 on 3.11.7) or `ESCAPED` bound after surviving
class Evil(ExceptionGroup):
    def split(self, *args):
        return "NOT A TUPLE!"
try:
    raise Evil("wow!", [ValueError()])
except* ValueError:
    pass
ESCAPED = 'survived'
