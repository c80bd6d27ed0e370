# source: new: unicodedata.normalize was unmetered; outside runs no address-space limit backs it
# family: callback
# expect: MemoryLimitExceeded
# tier: both
# callback: repr
# note: the run keeps a 40 MB string; NFKD turns each U+FDFA into 18 characters in one C call,
# note: building them in a 4-byte buffer: about 2 GB in the host, inside repr().
import unicodedata


class Wide:
    text = "\ufdfa" * 20_000_000

    def __repr__(self):
        unicodedata.normalize("NFKD", self.text)
        return "Wide"


CALLBACK = Wide()
