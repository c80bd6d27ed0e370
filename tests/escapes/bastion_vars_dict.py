# source: new (issue 4 part 5: the proxy's instance dict)
# goal: the proxy's namespace, where a naive proxy keeps its target
# expect: raises TypeError
ESCAPED = vars(vault)
