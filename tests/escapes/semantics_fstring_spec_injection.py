# source: asteval CVE-2025-24359 (landscape C3 #15: f-string spec pasted into a '{x:' + spec + '}' template)
# goal: a function's globals if the runtime rebuilds f-strings as str.format templates instead of compiling them natively
# expect: raises TypeError
# note: natively, format(function, spec) with a non-empty spec is a TypeError; that is the expected, harmless outcome
def f():
    pass
s = "}{0.__globals__}"
ESCAPED = f"{f:{s}}"
