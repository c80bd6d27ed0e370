# benign: Huffman coding with heapq plus run-length and LZ77-style compression round trips
import heapq
import math
from collections import Counter
from itertools import count


def huffman_codes(text):
    freq = Counter(text)
    if len(freq) == 1:
        return {next(iter(freq)): "0"}
    tie = count()
    heap = [(n, next(tie), ch) for ch, n in sorted(freq.items())]
    heapq.heapify(heap)
    while len(heap) > 1:
        n1, _, left = heapq.heappop(heap)
        n2, _, right = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, next(tie), (left, right)))
    codes = {}

    def walk(node, prefix):
        if isinstance(node, tuple):
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
        else:
            codes[node] = prefix

    walk(heap[0][2], "")
    return codes


def encode(text, codes):
    return "".join(codes[ch] for ch in text)


def decode(bits, codes):
    reverse = {v: k for k, v in codes.items()}
    out, cur = [], ""
    for b in bits:
        cur += b
        if cur in reverse:
            out.append(reverse[cur])
            cur = ""
    return "".join(out)


def bits_to_bytes(bits):
    padded = bits + "0" * (-len(bits) % 8)
    return bytes(int(padded[i : i + 8], 2) for i in range(0, len(padded), 8))


text = "this is an example of a huffman tree built from some sample text"
codes = huffman_codes(text)
for ch, code in sorted(codes.items(), key=lambda kv: (len(kv[1]), kv[0])):
    print(f"  {ch!r}: {code}")
bits = encode(text, codes)
print("encoded bits:", len(bits), "vs raw:", len(text) * 8, f"ratio {len(bits) / (len(text) * 8):.3f}")
print("packed:", bits_to_bytes(bits)[:12].hex())
print("decodes correctly:", decode(bits, codes) == text)
print("prefix-free:", not any(a != b and b.startswith(a) for a in codes.values() for b in codes.values()))
print("single symbol:", huffman_codes("aaaa"), "| empty-safe encode:", encode("", codes) == "")


def rle_encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}" if j - i > 1 else s[i])
        i = j
    return "".join(out)


def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or 1))
            num = ""
    return "".join(out)


for sample in ("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabcccccaaa"):
    enc = rle_encode(sample)
    print(f"rle {len(sample):>3} -> {len(enc):>3}: {enc[:40]} | ok={rle_decode(enc) == sample}")


def lz77_compress(data, window=32):
    i, out = 0, []
    while i < len(data):
        best_len, best_off = 0, 0
        for j in range(max(0, i - window), i):
            length = 0
            while i + length < len(data) and data[j + length] == data[i + length] and length < 15:
                length += 1
            if length > best_len:
                best_len, best_off = length, i - j
        if best_len >= 3:
            out.append((best_off, best_len))
            i += best_len
        else:
            out.append(data[i])
            i += 1
    return out


def lz77_decompress(tokens):
    out = []
    for t in tokens:
        if isinstance(t, tuple):
            off, length = t
            for _ in range(length):
                out.append(out[-off])
        else:
            out.append(t)
    return "".join(out)


song = "row row row your boat gently down the stream merrily merrily merrily merrily life is but a dream"
tokens = lz77_compress(song)
print("lz77 tokens:", len(tokens), "for", len(song), "chars; back-references:", sum(isinstance(t, tuple) for t in tokens))
print("first tokens:", tokens[:12])
print("lz77 round trip:", lz77_decompress(tokens) == song)


def entropy_bits(text):
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in Counter(text).values())


avg = sum(len(codes[ch]) for ch in text) / len(text)
print(f"entropy {entropy_bits(text):.4f} bits/symbol, huffman average {avg:.4f}")
