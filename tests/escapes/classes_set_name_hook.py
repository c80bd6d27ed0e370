# source: new (brief: __set_name__ hook): called implicitly by type.__new__ for every class attribute
# goal: code run by class creation itself, receiving the owner class
# expect: rejected PC104
class Descriptor:
    def __set_name__(self, owner, name):
        global ESCAPED
        ESCAPED = owner
        open('MARKER', 'w').close()
class Holder:
    attr = Descriptor()
