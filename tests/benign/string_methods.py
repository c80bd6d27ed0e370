# benign: a tour of str methods: splitting, joining, casing, padding, searching, translating
s = "  The Quick Brown Fox, jumps over the lazy dog.  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.lower(), "|", t.upper(), "|", t.title(), "|", t.swapcase(), "|", t.capitalize())
print("casefold:", "Straße".casefold(), "Straße".lower(), "| 'ß'.upper():", "ß".upper())
print("split:", t.split(), t.split(",", 1), "a,,b".split(","), " a  b ".split(" "))
print("rsplit:", "a.b.c.d".rsplit(".", 2), "| splitlines:", "one\ntwo\r\nthree\n".splitlines(), "x\ny\n".splitlines(keepends=True))
print("partition:", "key=value=more".partition("="), "key".partition("="), "a/b/c".rpartition("/"))
print("join:", "-".join(["2024", "05", "17"]), ", ".join(map(str, range(5))), "".join(reversed("stressed")))
print("find:", t.find("o"), t.rfind("o"), t.find("cat"), t.index("Fox"), t.count("o"), t.count(""))
print("starts/ends:", t.startswith("The"), t.endswith(("dog.", "cat.")), t.startswith("Quick", 4))
print("prefix/suffix:", "test_sandbox.py".removeprefix("test_").removesuffix(".py"), "abc".removeprefix("x"))
print("replace:", t.replace("o", "0"), "|", t.replace("o", "0", 2))
print("padding:", "[" + "mid".center(11, "*") + "]", "[" + "l".ljust(5) + "]", "[" + "r".rjust(5, ".") + "]", "42".zfill(6), "-42".zfill(6))
print("expandtabs:", repr("a\tbb\tccc".expandtabs(4)))

checks = ["123", "12.5", "abc", "Abc1", "   ", "", "ABC", "x_y", "Ⅻ", "²", "hello world", "Title Case"]
print(f"{'value':<15}{'digit':>6}{'alpha':>6}{'alnum':>6}{'space':>6}{'upper':>6}{'ident':>6}{'numer':>6}{'title':>6}")
for c in checks:
    flags = [c.isdigit(), c.isalpha(), c.isalnum(), c.isspace(), c.isupper(), c.isidentifier(), c.isnumeric(), c.istitle()]
    print(f"{c!r:<15}" + "".join(f"{'Y' if f else '.':>6}" for f in flags))

table = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": None})
print("translate:", "sandbox isolates processes".translate(table))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("rot13:", "Hello, World!".translate(rot13), "| twice:", "Hello, World!".translate(rot13).translate(rot13))
strip_punct = str.maketrans("", "", ",.!?;:")
print("strip punctuation:", "Wait, what?! Really; yes.".translate(strip_punct))

print("slicing:", t[4:9], t[-4:], t[::5], t[::-1][:8])
print("multiply/concat:", "ab" * 3 + "c", "-" * 10)
print("in/not in:", "Fox" in t, "fox" not in t)
print("ord/chr:", [ord(c) for c in "AZaz09"], "".join(chr(c) for c in range(0x3b1, 0x3b6)))
print("min/max chars:", min("sandbox"), max("sandbox"), sorted("sandbox"))
print("comparisons:", "apple" < "banana", "Zebra" < "apple", "a" * 3 == "aaa")
print("format_spec on str:", f"{'abc':>8}|{'abc':^9}|{'abcdef':.3}|")
print("encode len:", len("naïve café"), len("naïve café".encode("utf-8")))
print("isascii:", "hello".isascii(), "héllo".isascii(), "| isprintable:", "tab\t".isprintable(), "ok".isprintable())


def slugify(text):
    cleaned = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in cleaned.split("-") if part)


def camel_to_snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def snake_to_camel(name):
    first, *rest = name.split("_")
    return first + "".join(w.capitalize() for w in rest)


print("slugify:", slugify("  Hello, World! Sandboxes & Python 3.12  "))
print("camel->snake:", [camel_to_snake(n) for n in ("parseHTTPResponse", "XMLParser", "simple", "getID", "aB")])
print("snake->camel:", [snake_to_camel(n) for n in ("parse_http_response", "x", "a_b_c")])


def is_anagram(a, b):
    norm = lambda s: sorted(ch for ch in s.lower() if ch.isalpha())
    return norm(a) == norm(b)


print("anagrams:", is_anagram("Dormitory", "Dirty room!"), is_anagram("hello", "world"))
words = "level radar sandbox noon python stats".split()
print("palindromes:", [w for w in words if w == w[::-1]])
print("vowel counts:", {w: sum(ch in "aeiou" for ch in w) for w in words})
print("common prefix:", next((words[0][:i] for i in range(len(words[0]), 0, -1) if all(w.startswith(words[0][:i]) for w in ("letter", "less", "lemon"))), ""))
