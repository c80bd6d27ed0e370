# benign: bit manipulation tricks: popcount, Gray codes, bitmask subsets, flags and bit fields
def bits(n, width=8):
    return format(n & ((1 << width) - 1), f"0{width}b")


for n in (0, 1, 5, 96, 255, 1023):
    print(f"{n:>5} = {bin(n):>14}  popcount={n.bit_count()}  length={n.bit_length()}  "
          f"lowest set={(n & -n)}  power of two={n > 0 and n & (n - 1) == 0}")

print("gray codes:", [bits(i ^ (i >> 1), 3) for i in range(8)])


def gray_to_binary(g):
    b = 0
    while g:
        b ^= g
        g >>= 1
    return b


print("gray decode:", [gray_to_binary(i ^ (i >> 1)) for i in range(8)])

items = ["tent", "stove", "rope", "lamp"]
for mask in range(1 << len(items)):
    chosen = [items[i] for i in range(len(items)) if mask >> i & 1]
    if len(chosen) == 2:
        print(f"  mask {bits(mask, 4)} -> {chosen}")

READ, WRITE, EXEC, ADMIN = 1, 2, 4, 8
names = {READ: "read", WRITE: "write", EXEC: "exec", ADMIN: "admin"}


def describe(perms):
    return "|".join(name for flag, name in names.items() if perms & flag) or "none"


perm = READ | WRITE
print("perm:", describe(perm))
perm |= EXEC
perm &= ~WRITE
print("after +exec -write:", describe(perm))
perm ^= ADMIN | READ
print("after toggle admin/read:", describe(perm), "| has exec:", bool(perm & EXEC))


def pack_rgb(r, g, b):
    return (r << 16) | (g << 8) | b


def unpack_rgb(v):
    return (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF


color = pack_rgb(18, 52, 86)
print(f"packed: {color:#08x} -> {unpack_rgb(color)}")


def reverse_bits(n, width=8):
    out = 0
    for _ in range(width):
        out = (out << 1) | (n & 1)
        n >>= 1
    return out


print("reverse bits:", [bits(reverse_bits(x)) for x in (1, 6, 0b10110000)])
print("rotate left 3 (8-bit):", bits(((0b10010110 << 3) | (0b10010110 >> 5)) & 0xFF))

a, b = 12, 25
a ^= b
b ^= a
a ^= b
print("xor swap:", a, b)
nums = [4, 1, 2, 1, 2, 7, 4]
single = 0
for x in nums:
    single ^= x
print("unpaired element:", single)
print("negative numbers:", -5 >> 1, -5 & 0xFF, ~5, bits(-5))
print("shifts:", 1 << 100 >> 98, 0b1111 << 4, 0xF0 >> 4)


def count_bits_table(n):
    table = [0] * (n + 1)
    for i in range(1, n + 1):
        table[i] = table[i >> 1] + (i & 1)
    return table


print("popcounts 0..16:", count_bits_table(16))


def next_same_popcount(x):
    c = x & -x
    r = x + c
    return (((r ^ x) >> 2) // c) | r


seq = [0b00111]
for _ in range(6):
    seq.append(next_same_popcount(seq[-1]))
print("same popcount sequence:", [bits(s, 6) for s in seq])


class BitSet:
    def __init__(self, values=()):
        self.mask = 0
        for v in values:
            self.add(v)

    def add(self, v):
        self.mask |= 1 << v

    def __contains__(self, v):
        return bool(self.mask >> v & 1)

    def __or__(self, other):
        result = BitSet()
        result.mask = self.mask | other.mask
        return result

    def __and__(self, other):
        result = BitSet()
        result.mask = self.mask & other.mask
        return result

    def __xor__(self, other):
        result = BitSet()
        result.mask = self.mask ^ other.mask
        return result

    def __iter__(self):
        m, i = self.mask, 0
        while m:
            if m & 1:
                yield i
            m >>= 1
            i += 1

    def __len__(self):
        return self.mask.bit_count()

    def __repr__(self):
        return f"BitSet({list(self)})"


s1, s2 = BitSet([1, 3, 5, 7, 64]), BitSet([3, 4, 5, 64, 100])
print(s1 | s2, s1 & s2, s1 ^ s2, len(s1 | s2), 64 in s1, 2 in s1)
print("hamming distance:", (0b1011101 ^ 0b1001001).bit_count())
print("parity of 0b1101:", bin(0b1101).count("1") % 2)
