# source: new (issue 4 part 5: Python 2 Bastion fell to attribute reads of its instance)
# goal: the wrapped supervisor object's private password through a computed attribute name
# expect: raises AttributeError
ESCAPED = getattr(vault, '_pass' + 'word')
