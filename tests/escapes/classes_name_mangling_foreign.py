# source: new (brief: name mangling): inside `class UserList`, `other.__cast` compiles to other._UserList__cast, a private attribute of the host class collections.UserList
# goal: a private host function reached by a mangled name on a foreign object
# expect: raises AttributeError
import collections
class UserList:
    def peek(self, other):
        return other.__cast
ESCAPED = UserList().peek(collections.UserList([1]))
