# source: asteval docs and simpleeval (9**9**9, x**y**z); RestrictedPython #267 (1024**1024**1024)
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: the operands are variables so no constant folding or literal check can see the size.
x = 10
y = x ** x ** x
