# source: new (issue 4 part 5: type(proxy) then constructing a wider proxy)
# goal: a new proxy over the same object with a filter that passes everything
# expect: raises AttributeError
ESCAPED = type(vault)(vault, lambda name: True)
