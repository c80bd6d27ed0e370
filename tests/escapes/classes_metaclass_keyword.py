# source: RestrictedPython 1.2 (metaclass= rejected) and W11 (other class keywords silently dropped); pyjail metaclass tricks
# goal: run a metaclass's __call__ on every instantiation (the same check must also reject other class keywords, which RestrictedPython dropped silently)
# expect: rejected PC105
class Meta(type):
    def __call__(cls, *args, **kwargs):
        return open('MARKER', 'w')
class Evil(object, metaclass=Meta):
    pass
ESCAPED = Evil()
