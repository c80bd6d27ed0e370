# source: new (issue 4 part 5: setattr through the proxy)
# goal: changing the supervisor's Account through the proxy
# expect: raises AttributeError
setattr(vault, 'owner', 'mallory')
