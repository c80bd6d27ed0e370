# source: smolagents #2395; shared/research/agent-sandboxes.md E11 (host-run dunders)
# family: callback
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# callback: repr
# note: sandbox-defined dunders run later by the host, outside the run's budget.
# note: the loop sits in a property that __repr__ reads, one call away from the dunder itself.
class Report:
    @property
    def summary(self):
        n = 0
        while True:
            n += 1

    def __repr__(self):
        return "Report(" + str(self.summary) + ")"


CALLBACK = Report()
