"""How much a long-running checker keeps of the words it has met: the sizes of its caches.

A worker checks notes for days. Every cache keyed on what a writer typed (a word, a word with
its neighbours, a word against a term) fills with whatever comes, and hostile input brings new
"words" every time, so each cache is bounded by entries, and each entry by the length of its
key: a word token holds at most ``tokens.MAX_PIECE`` characters, and whole texts and runs of
whitespace, which can be 20,000 characters, are never keys. The sizes hold the words of a few
thousand practice notes (a group's exercises reuse most of them) at ~0.1–1 kB an entry.
Measured with ``benchmarks/nlp_memory.py --rounds 24``: before the bounds a worker's RSS grew
~55 MB per 500 hostile checks without end (1,056 MB after 8,058); with them it is 294 MB after
12,058, still creeping about 1 MB per 500 checks with the caches full (the allocator's
fragmentation: cache entries and Python blocks stay level).
"""

from __future__ import annotations

WORDS = 8_192  # keyed on one word (its lemmas, features, splits) or a word in its context
WORD_PAIRS = 16_384  # small entries keyed on a word and one other (its lemma, a term's word)
LOOKUPS = 16_384  # small entries of dictionary lookups: compound and spelling search look up
# many substrings of each word (32,768 left a worker at 305 MB after 12,058 hostile checks)
LONGEST_KEY = 100  # characters: a longer string is worked out again, not kept (tokens.MAX_PIECE)
