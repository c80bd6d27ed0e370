# source: new: internal security review 2 (finding 1): the memo holds the real __dict__ of a copied foreign object
# goal: read and rewrite a supervisor object's private state
# expect: raises TypeError
# copy.deepcopy(x, memo): memo[id(memo)] (the keep-alive list) collects every *original*
# object copied, including the real __dict__ of foreign instances (object.__reduce_ex__
# returns the instance dict itself as state). Read the supervisor's private attribute and
# write its attributes through that dict.
import copy
memo = {}
copy.deepcopy(account, memo)
for kept in memo.values():
    if type(kept) is list:
        for original in kept:
            if type(original) is dict and 'owner' in original:
                ESCAPED = original['_password']
                original['owner'] = 'mallory'          # write to the supervisor's object
                print('leaked:', ESCAPED)
