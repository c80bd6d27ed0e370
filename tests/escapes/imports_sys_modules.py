# source: agent-sandboxes E16 (openswarm #134, agent-os #848: sys.modules cache); RestrictedPython #142 payload (.pop('sys').modules)
# goal: any loaded module (os) out of sys.modules
# expect: raises AttributeError
# note: the default preset now grants a stand-in sys (streams, exit, argv, facts): it has no modules
import sys
ESCAPED = sys.modules['os']
ESCAPED.system('touch MARKER')
