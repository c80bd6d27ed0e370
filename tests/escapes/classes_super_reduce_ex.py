# source: new (brief: super() tricks); smolagents CVE-2025-9959 (dunder calls: f.__getattribute__("__class__"))
# goal: object.__reduce_ex__ through a super object returns copyreg.__newobj__, a host function with host module globals
# expect: raises AttributeError
class A:
    pass
ESCAPED = getattr(super(A, A()), '__reduce_ex__')(2)[0]
