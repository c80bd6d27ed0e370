# source: landscape C7 #26 (raise GeneratorExit escaping `except Exception`); design brief (GeneratorExit reaches the host as CellExit)
# goal: a BaseException that host generator/cleanup code treats as a close() request
# expect: raises CellExit
# note: evidence is the exception class the host sees
raise GeneratorExit()
