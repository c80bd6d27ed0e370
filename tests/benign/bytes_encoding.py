# benign: bytes and bytearray handling: encodings, error handlers, hex, checksums and framing
text = "Grüße, 世界! café ☕"
for enc in ("utf-8", "utf-16-le", "utf-32-be"):
    data = text.encode(enc)
    print(f"{enc:<10} {len(data):>3} bytes, round trip ok: {data.decode(enc) == text}")
utf8 = text.encode("utf-8")
print("utf-8 prefix:", utf8[:12])
print("hex:", utf8[:8].hex(), "| spaced:", utf8[:8].hex(" "), "| fromhex:", bytes.fromhex("48 65 6c 6c 6f"))
print("ascii replace:", text.encode("ascii", errors="replace"))
print("ascii ignore:", text.encode("ascii", errors="ignore"))
print("ascii xmlcharref:", text.encode("ascii", errors="xmlcharrefreplace"))
print("ascii backslash:", text.encode("ascii", errors="backslashreplace"))
print("latin-1:", "café".encode("latin-1"), "| decoded as utf-8 with replace:", "café".encode("latin-1").decode("utf-8", errors="replace"))
try:
    b"\xff\xfeabc".decode("utf-8")
except UnicodeDecodeError as exc:
    print("decode error:", exc.reason, "at", exc.start, "-", exc.end)
try:
    "π".encode("ascii")
except UnicodeEncodeError as exc:
    print("encode error:", exc.reason, repr(exc.object[exc.start:exc.end]))

b = b"hello world"
print("bytes ops:", b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b[0], b[-1:], b.count(b"l"))
print("startswith:", b.startswith(b"hell"), "| in:", b"lo w" in b, "| index int:", 104 in b)
print("bytes from list:", bytes([72, 105, 33]), bytes(3), list(b"AB"), b"%d-%s" % (7, b"x"))

buf = bytearray(b"sandbox")
buf[0] = ord("S")
buf.extend(b" v2")
buf.insert(0, 0x5B)
buf.append(0x5D)
del buf[1:2]
print("bytearray:", buf, bytes(buf).decode(), len(buf))
buf[1:4] = b"AND"
print("slice assign:", buf, "| reversed:", bytes(reversed(buf)))


def checksum8(data):
    return sum(data) & 0xFF


def fletcher16(data):
    a = b_ = 0
    for byte in data:
        a = (a + byte) % 255
        b_ = (b_ + a) % 255
    return (b_ << 8) | a


def crc32(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


for sample in (b"", b"abcde", b"The quick brown fox jumps over the lazy dog"):
    print(f"{sample[:12]!r:<18} sum8={checksum8(sample):>3} fletcher16={fletcher16(sample):#06x} crc32={crc32(sample):08x}")


def frame(messages):
    out = bytearray()
    for msg in messages:
        payload = msg.encode("utf-8")
        out += len(payload).to_bytes(2, "big") + payload
    return bytes(out)


def unframe(data):
    msgs, i = [], 0
    while i < len(data):
        n = int.from_bytes(data[i : i + 2], "big")
        msgs.append(data[i + 2 : i + 2 + n].decode("utf-8"))
        i += 2 + n
    return msgs


packet = frame(["hi", "sandbox", "ünïcode", ""])
print("framed:", packet.hex(), "| unframed:", unframe(packet))


def rle(data):
    out = bytearray()
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        out += bytes([j - i, data[i]])
        i = j
    return bytes(out)


def unrle(data):
    return b"".join(bytes([data[k + 1]]) * data[k] for k in range(0, len(data), 2))


raw = b"aaaaabbbcccccccccd" + b"\x00" * 10
packed = rle(raw)
print("rle:", packed.hex(), len(raw), "->", len(packed), "| ok:", unrle(packed) == raw)

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i : i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [B64[(n >> s) & 63] for s in (18, 12, 6, 0)]
        out.append("".join(chars[: len(chunk) + 1]) + "=" * (3 - len(chunk)))
    return "".join(out)


for sample in (b"Man", b"Ma", b"M", "sandbox ✓".encode()):
    print(f"base64({sample!r}) = {b64encode(sample)}")
print("escape sequences:", "tab\there".encode("unicode_escape"), "é".encode("unicode_escape"))
print("utf-8 bytes of the euro sign:", [hex(x) for x in "€".encode()], int.from_bytes("€".encode(), "big"))
