# benign: text statistics with Counter, regex tokenising and sorted frequency tables
import re
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair. We had everything
before us, we had nothing before us! Were we all going direct to Heaven? We were
all going direct the other way."""

words = re.findall(r"[a-z']+", TEXT.lower())
sentences = [s.strip() for s in re.split(r"[.!?]+", TEXT) if s.strip()]
freq = Counter(words)

print("characters:", len(TEXT))
print("lines:", TEXT.count("\n") + 1)
print("words:", len(words))
print("unique words:", len(freq))
print("sentences:", len(sentences))
print(f"average word length: {sum(map(len, words)) / len(words):.3f}")
print(f"average words per sentence: {len(words) / len(sentences):.2f}")

print("\nTop 8 words:")
for word, count in freq.most_common(8):
    bar = "#" * count
    print(f"  {word:<8}{count:>3} {bar}")

longest = sorted(set(words), key=lambda w: (-len(w), w))[:5]
print("\nlongest words:", longest)

hapax = sorted(w for w, c in freq.items() if c == 1)
print("words used once:", len(hapax), hapax[:10])

by_letter = Counter(w[0] for w in words)
print("starting letters:", sorted(by_letter.items()))

letters = Counter(ch for ch in TEXT.lower() if ch.isalpha())
vowels = sum(letters[v] for v in "aeiou")
print(f"vowel ratio: {vowels / sum(letters.values()):.4f}")
print("least common letters:", sorted(letters.items(), key=lambda kv: (kv[1], kv[0]))[:4])

lengths = Counter(len(w) for w in words)
for n in sorted(lengths):
    print(f"  len {n:>2}: {lengths[n]}")

pairs = Counter(zip(words, words[1:]))
print("most common bigrams:", [" ".join(p) + f"={c}" for p, c in pairs.most_common(3)])

merged = freq + Counter("it was the extra words".split())
print("after merge 'it':", merged["it"], "'extra':", merged["extra"])
diff = freq - Counter({"it": 5, "was": 10})
print("after subtract 'it':", diff["it"], "'was' present:", "was" in diff)
