# source: RestrictedPython W6 (verified on 9.0); asteval CVE-2026-55244 / GHSA-89v8-rhwq-hf77; landscape C7 #26
# goal: unwind past the host's `except Exception` around the cell (kill the worker, skip cleanup)
# expect: raises CellExit
# note: evidence is the exception class the host sees; a bare SystemExit is not an Exception
try:
    raise SystemExit(3)
except Exception:
    pass
