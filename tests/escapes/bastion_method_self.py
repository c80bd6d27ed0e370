# source: new (issue 4 part 5: Python 2 bound methods carried im_self)
# goal: the Account behind a proxied method
# expect: raises AttributeError
ESCAPED = getattr(vault.greet, '__self__')
