# source: landscape C2 #10 (generic traceback walk; pysandbox f_locals test; rexec r_exc_info); RestrictedPython A1 variant (tb_frame)
# goal: the outermost host frame's globals through a caught exception's traceback
# expect: rejected PC101 PC103
try:
    1 / 0
except Exception as e:
    fr = e.__traceback__.tb_frame
while fr.f_back is not None:
    fr = fr.f_back
ESCAPED = fr.f_globals
