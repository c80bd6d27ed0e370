# source: new: found this stop; CPython 3.12.1 and 3.13.0 segfault in compile() on it
# family: compiler
# expect: RestrictedSyntaxError
# tier: both
# note: list comprehensions nested 21 (3.12.1) or 23 (3.13.0) deep and more kill the process
# note: while compiling (PEP 709 inlines them into one code object); the checker refuses
# note: comprehensions nested more than 16 deep, well inside the depth limit of 200.
x = [[[[[[[[[[[[[[[[[[[[[[[[[a for v0 in r] for v1 in r] for v2 in r] for v3 in r] for v4 in r] for v5 in r] for v6 in r] for v7 in r] for v8 in r] for v9 in r] for v10 in r] for v11 in r] for v12 in r] for v13 in r] for v14 in r] for v15 in r] for v16 in r] for v17 in r] for v18 in r] for v19 in r] for v20 in r] for v21 in r] for v22 in r] for v23 in r] for v24 in r]
