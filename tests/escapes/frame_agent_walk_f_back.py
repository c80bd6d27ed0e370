# source: agent-sandboxes section 7 #3 (frame walk up the stack to probe for guard or supervisor frames)
# goal: enumerate (and keep) every frame above the cell, including guard and host frames
# expect: rejected PC103
g = (x for x in [1, 2])
next(g)
fr = g.gi_frame
names = []
while fr is not None:
    names.append(fr.f_code.co_name)
    ESCAPED = fr
    fr = fr.f_back
