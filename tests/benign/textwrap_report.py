# benign: formatted plain-text report using textwrap fill/indent/shorten/dedent
import textwrap

ABSTRACT = """We study the behaviour of restricted interpreters under adversarial
workloads. Our evaluation covers forty programs drawn from everyday scripting
tasks, including parsing, numerical computation and text processing. Results
show that careful whitelisting preserves functionality while reducing attack
surface, with a median slowdown of only twelve percent across the suite."""

NOTES = """
    Findings:
        1. Whitelists beat blacklists.
        2. Audit hooks help.
    Caveats:
        Results are preliminary.
"""

paragraph = " ".join(ABSTRACT.split())
print("=" * 60)
print("ABSTRACT".center(60))
print("=" * 60)
print(textwrap.fill(paragraph, width=60))
print()
print(textwrap.fill(paragraph, width=40, initial_indent="  > ", subsequent_indent="    "))
print()
for w in (20, 35):
    lines = textwrap.wrap(paragraph, width=w)
    print(f"width {w}: {len(lines)} lines, longest {max(map(len, lines))}")
print(textwrap.shorten(paragraph, width=50))
print(textwrap.shorten(paragraph, width=50, placeholder=" (more)"))
print(textwrap.dedent(NOTES).strip())
print(textwrap.indent("line one\n\nline three", "| "))
print(textwrap.indent("a\nb\nc", "+ ", predicate=lambda line: line.strip() != "b"))

wrapper = textwrap.TextWrapper(width=30, break_long_words=True, max_lines=3, placeholder=" ...")
print(wrapper.fill("Supercalifragilisticexpialidocious words are long " * 3))

results = [
    ("Parsing", 12, 0, "All tokenizer and parser programs behave identically with and without the sandbox."),
    ("Numerics", 9, 1, "One floating point program printed different last digits due to a formatting bug."),
    ("Text", 15, 0, "Regular expressions, wrapping and templating all pass."),
]
col = 14
print(f"\n{'Area':<{col}}{'Pass':>5}{'Fail':>5}  Notes")
print("-" * 60)
for area, ok, bad, note in results:
    wrapped = textwrap.wrap(note, width=60 - col - 12)
    print(f"{area:<{col}}{ok:>5}{bad:>5}  {wrapped[0]}")
    for more in wrapped[1:]:
        print(" " * (col + 12) + more)
print("-" * 60)
total_ok = sum(r[1] for r in results)
total_bad = sum(r[2] for r in results)
print(f"{'Total':<{col}}{total_ok:>5}{total_bad:>5}  pass rate {total_ok / (total_ok + total_bad):.1%}")

bullet_items = ["short item", "a considerably longer item that will need to wrap onto a second line", "done"]
for item in bullet_items:
    print(textwrap.fill(item, width=36, initial_indent=" * ", subsequent_indent="   "))
print(textwrap.fill("tabs\tare\texpanded", width=40, tabsize=4, expand_tabs=True))
