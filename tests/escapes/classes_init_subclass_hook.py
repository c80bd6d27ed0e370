# source: new (brief: __init_subclass__ hook); smolagents #2395 (agent-sandboxes E11: sandbox-defined hooks run later by the host)
# goal: code that runs whenever anyone, including host code, subclasses the cell's class, outside the cell's budget
# expect: rejected PC104
class Base:
    def __init_subclass__(cls, **kwargs):
        open('MARKER', 'w').close()
class Child(Base):
    pass
ESCAPED = Child
