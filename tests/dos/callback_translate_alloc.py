# source: new: the sibling of callback_to_bytes_alloc (str.translate was unmetered too)
# family: callback
# expect: MemoryLimitExceeded
# tier: both
# callback: repr
# note: each of 2,000 characters becomes a 10**6-character string in one C call: 2 GB.
class Wide:
    def __repr__(self):
        ("a" * 2000).translate({97: "b" * 10**6})
        return "Wide"


CALLBACK = Wide()
