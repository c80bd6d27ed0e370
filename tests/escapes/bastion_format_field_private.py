# source: new (issue 4 part 5); format-field reads as in CVE-2023-41039
# goal: the wrapped object's private attribute through a str.format field on the proxy
# expect: raises AttributeError
ESCAPED = '{0._password}'.format(vault)
print(ESCAPED)
