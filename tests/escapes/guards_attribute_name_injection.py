# source: new: Jinja CVE-2024-56201 shape (landscape C6 #25: a name pasted into generated code); an attribute name that is valid source and a format template
# goal: code execution or a format-field walk if a guard or its error path builds source or str.format templates from the attribute name
# expect: raises AttributeError
import math
ESCAPED = getattr(math, "x{0.__class__.__init__.__globals__}'); __import__('os').system('touch MARKER'); ('")
