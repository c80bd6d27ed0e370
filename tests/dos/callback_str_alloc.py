# source: shared/research/agent-sandboxes.md E11; new: str() in the host allocates 10 GB
# family: callback
# expect: MemoryLimitExceeded
# tier: both
# callback: str
# note: the allocation happens in cell code that the host calls after the run.
class Huge:
    def __str__(self):
        return "x" * 10**10


CALLBACK = Huge()
