# benign: classical ciphers (Caesar, Vigenere, Atbash, rail fence) and frequency-analysis cracking
import string
from collections import Counter

LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
ENGLISH_FREQ = {
    "e": 12.7, "t": 9.1, "a": 8.2, "o": 7.5, "i": 7.0, "n": 6.7, "s": 6.3, "h": 6.1, "r": 6.0, "d": 4.3,
    "l": 4.0, "c": 2.8, "u": 2.8, "m": 2.4, "w": 2.4, "f": 2.2, "g": 2.0, "y": 2.0, "p": 1.9, "b": 1.5,
    "v": 1.0, "k": 0.8, "j": 0.15, "x": 0.15, "q": 0.1, "z": 0.07,
}


def caesar(text, shift):
    shift %= 26
    table = str.maketrans(LOWER + UPPER, LOWER[shift:] + LOWER[:shift] + UPPER[shift:] + UPPER[:shift])
    return text.translate(table)


def atbash(text):
    return text.translate(str.maketrans(LOWER + UPPER, LOWER[::-1] + UPPER[::-1]))


def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            shift = ord(key[k % len(key)].lower()) - ord("a")
            if decrypt:
                shift = -shift
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def rail_fence(text, rails):
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for ch in text:
        rows[r].append(ch)
        if rails > 1:
            if r == 0:
                step = 1
            elif r == rails - 1:
                step = -1
            r += step
    return "".join("".join(row) for row in rows)


def rail_fence_decode(cipher, rails):
    pattern = []
    r, step = 0, 1
    for _ in cipher:
        pattern.append(r)
        if rails > 1:
            if r == 0:
                step = 1
            elif r == rails - 1:
                step = -1
            r += step
    order = sorted(range(len(cipher)), key=lambda i: (pattern[i], i))
    out = [""] * len(cipher)
    for ch, i in zip(cipher, order):
        out[i] = ch
    return "".join(out)


def score(text):
    counts = Counter(ch for ch in text.lower() if ch.isalpha())
    total = sum(counts.values()) or 1
    return sum((counts[c] / total * 100 - f) ** 2 / f for c, f in ENGLISH_FREQ.items())


def crack_caesar(cipher):
    candidates = sorted((score(caesar(cipher, -s)), s) for s in range(26))
    best_score, best_shift = candidates[0]
    return best_shift, caesar(cipher, -best_shift), round(best_score, 2)


plain = "Meet me near the old oak tree at seven, and bring the documents."
enc = caesar(plain, 11)
print("caesar:", enc)
print("decoded:", caesar(enc, -11))
print("cracked:", crack_caesar(enc))
print("atbash:", atbash("Wizard of Oz"), "->", atbash(atbash("Wizard of Oz")))
print("rot13 via caesar:", caesar("Why did the chicken cross the road?", 13))

v = vigenere("Attack at dawn! Hold position.", "LEMON")
print("vigenere:", v)
print("vigenere decrypt:", vigenere(v, "LEMON", decrypt=True))

rf = rail_fence("WEAREDISCOVEREDFLEEATONCE", 3)
print("rail fence:", rf, "->", rail_fence_decode(rf, 3))
print("rail fence round trips:", all(rail_fence_decode(rail_fence(plain, n), n) == plain for n in range(1, 8)))

freq = Counter(ch for ch in enc.lower() if ch.isalpha()).most_common(5)
print("cipher letter frequencies:", freq)
print("letter scores (lower is more English):", [(s, round(score(caesar(enc, -s)), 1)) for s in (0, 5, 11, 20)])


def keyword_alphabet(keyword):
    seen = []
    for ch in keyword.lower() + LOWER:
        if ch.isalpha() and ch not in seen:
            seen.append(ch)
    return "".join(seen)


alpha = keyword_alphabet("zebras")
sub = str.maketrans(LOWER, alpha)
unsub = str.maketrans(alpha, LOWER)
secret = "flee at once. we are discovered!".translate(sub)
print("keyword alphabet:", alpha)
print("substitution:", secret, "->", secret.translate(unsub))


def xor_cipher(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))


x = xor_cipher("sandbox secrets".encode(), b"k3y")
print("xor:", x.hex(), "->", xor_cipher(x, b"k3y").decode())
