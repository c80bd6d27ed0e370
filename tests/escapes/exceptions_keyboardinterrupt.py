# source: RestrictedPython W6 (raise KeyboardInterrupt() propagates, verified); landscape C7 #26
# goal: make the host believe the operator pressed Ctrl-C (abort a batch, skip `except Exception` handlers)
# expect: raises CellExit
# note: evidence is the exception class the host sees
raise KeyboardInterrupt()
