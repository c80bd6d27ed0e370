# source: new: host-called dunders run without the address-space backstop
# family: callback
# expect: MemoryLimitExceeded
# tier: both
# callback: repr
# note: int.to_bytes is not on the pre-charged list; during a run RLIMIT_AS stops it, but
# note: callbacks the host makes later run without hardlimit or watchdog, and one call makes
# note: no checkpoint, so the host process grows by 1 GB and repr() returns normally.
class Huge:
    def __repr__(self):
        data = (1).to_bytes(10**9, "little")
        return "Huge"


CALLBACK = Huge()
