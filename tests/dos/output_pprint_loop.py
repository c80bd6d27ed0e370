# source: new: pprint writes to the cell's stdout itself, not through the print builtin
# family: output
# expect: OutputLimitExceeded
# tier: both
import pprint

rows = list(range(1000))
while True:
    pprint.pprint(rows)
