# source: new: adversarial review attack-lang: abc.abstractmethod / abstractstaticmethod / abstractclassmethod do `obj.__isabstractmethod__ = True` on any object
# goal: write an attribute onto a supervisor object and a stdlib class
# expect: raises TypeError
# (OperationDenied is a TypeError: the abc decorators apply only to what the cell created)
import abc, json
abc.abstractstaticmethod(json.JSONEncoder)
abc.abstractclassmethod(json.dumps)
abc.abstractmethod(account)
