"""The slowest inputs we could construct for the note checker, and a seeded fuzzer.

Each worst case is exactly ``LENGTH`` characters (the largest note the site accepts) and aims
at one way the checker could do more than linear work: long runs without whitespace (the
tokenizer's affix search), runs of one kind of whitespace, words that are long or unknown
(dictionary, compound splitting, spelling suggestions), many tiny sentences or very long ones
(sentence and negation scopes), many terms, numbers and personnummer-like shapes (the regular
expressions), mixed scripts and combining marks (normalisation).

Issue 12's bad inputs are among them: a note of only punctuation (*mixed punctuation*,
*punctuation between spaces*), 20,000 characters of one word (*one letter*, *a word repeated
without spaces*), mixed scripts (*mixed scripts without spaces*, *mixed scripts as words*,
*random mixed-script words*) and sentences of 300 words (*300-word sentences*).

Used by ``tests/nlp/test_worst_inputs.py`` (no exception, spans exact) and
``benchmarks/nlp_worst_case.py`` (time of each, target ≤ 200 ms, and the fuzzer's maximum).
"""

from __future__ import annotations

import random
import string

LENGTH = 20_000
TERMS = ["blodtryck", "smärta", "sår", "palliativ vård", "tand", "puls", "mäta", "urinera"]
NOTE = (
    "Kl. 08.15 mätte jag blodtrycket på brukaren. Blodtryck 142/86 mmHg, puls 76 slag/min. "
    "Brukaren förnekar smärta men har lite ont i knät. Ingen rodnad på hälarna. "
)
WORDS = NOTE.replace(".", "").replace(",", "").split()


def _fill(unit: str) -> str:
    """``unit`` repeated to exactly ``LENGTH`` characters."""
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


def _random_words(seed: int, alphabet: str, low: int, high: int, sep: str = " ") -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size <= LENGTH:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))
        out.append(word)
        size += len(word) + len(sep)
    return sep.join(out)[:LENGTH]


def _long_sentences(seed: int, words_per_sentence: int) -> str:
    rng = random.Random(seed)
    cues = ["ej", "inte", "ingen", "inga", "utan", "förnekar", "men"]
    out, size = [], 0
    while size <= LENGTH:
        sentence = " ".join(rng.choice(WORDS + cues) for _ in range(words_per_sentence)) + "."
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:LENGTH]


def worst_cases() -> dict[str, str]:
    """Name → input of exactly ``LENGTH`` characters."""
    cases = {
        # runs without whitespace: each character an affix the tokenizer peels one by one
        "open parentheses": _fill("("),
        "close parentheses": _fill(")"),
        "quotes": _fill('"'),
        "periods": _fill("."),
        "hyphens": _fill("-"),
        "slashes": _fill("/"),
        "commas": _fill(","),
        "mixed punctuation": _fill("(.,;:!?)[]{}\"'«»–—…"),
        "punctuation between spaces": _fill(". , ! ? ; : - – ( ) \" ' … / "),
        "emoji": _fill("😀"),
        "emoji with joiners": _fill("👩\u200d⚕️"),
        "flags": _fill("🇸🇪"),
        "one letter": _fill("a"),
        "swedish letters": _fill("åäö"),
        "a word repeated without spaces": _fill("blodtryck"),
        "digits": _fill("1"),
        "units without spaces": _fill("37,8°C96%"),
        "url-like": _fill("https://x.se/a?b=c&"),
        "letters and periods": _fill("a."),
        "mixed scripts without spaces": _fill("aбعא中ሰ"),
        # the same as a note's words: each one a token the components see (issue 12)
        "mixed scripts as words": _fill(
            "Brukaren Привет 中文 مرحبا שלום ሰላም Καλημέρα नमस्ते blodtrycket "
        ),
        "random mixed-script words": _random_words(9, "aåöбжعسא中文ሰΩअ", 2, 10),
        "combining marks": "a" + "\u0301" * (LENGTH - 1),
        "zero-width characters": _fill("a\u200b"),
        "right-to-left marks": _fill("\u200fمرحبا"),
        "lone surrogates": _fill("a\ud800"),
        "control characters": _fill("\x00\x01\x1f"),
        # whitespace runs
        "newlines": _fill("\n"),
        "crlf": _fill("\r\n"),
        "tabs": _fill("\t"),
        "spaces": _fill(" "),
        "no-break spaces": _fill("\u00a0"),
        "line separators": _fill("\u2028"),
        "newline and colon": _fill("\n:"),
        "word per line": _fill("a\n"),
        # many tiny sentences, very long sentences
        "tiny sentences": _fill("Ja. "),
        "one-letter words": _fill("a "),
        "colon lines": _fill("S:\n"),
        "sbar labels": _fill("S: B: A: R: "),
        "300-word sentences": _long_sentences(1, 300),
        "one sentence": _long_sentences(2, 5_000),
        "negation cues": _fill("ej inte ingen "),
        # words that cost lookups: long, unknown, near-compounds, typos
        "random lowercase words": _random_words(3, string.ascii_lowercase + "åäö", 3, 12),
        "random long words": _random_words(4, string.ascii_lowercase + "åäö", 25, 40),
        "unknown words of 100 letters": _random_words(5, "abcdefghijklmnoprstuvåäö", 99, 100),
        "near-misses of care words": _random_words(6, "blodtryckspulsmätningsår", 6, 14),
        "capitalised words": _random_words(7, string.ascii_letters, 4, 10),
        "hyphenated words": _random_words(8, "abcdefg-", 6, 30),
        "split compounds": _fill("sjuk sköterska blod tryck tryck sår "),
        "terms repeated": _fill("blodtrycket smärtan såret pulsen tänderna "),
        "colloquial and judgmental": _fill("kissa blöja gubben besvärlig lat "),
        # numbers and personnummer shapes for the regular expressions
        "personnummer": _fill("121212-1212 "),
        "personnummer glued": _fill("Pnr:121212-1212"),
        "digit runs with dashes": _fill("1212121212-"),
        "fullwidth digits": _fill("１２１２１２－１２１２ "),
        "measurements": _fill("BT 130/80 mmHg puls 72 temp 37,8 °C sat 96 % "),
        "numbers separated": _fill("1 2 3 4 5 6 "),
        "a note repeated": _fill(NOTE),
    }
    assert all(len(text) == LENGTH for text in cases.values()), "every case is LENGTH long"
    return cases


ATOMS = [
    *WORDS,
    "(",
    ")",
    ".",
    ",",
    ":",
    "-",
    "/",
    "\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "\u00a0",
    "😀",
    "👩\u200d⚕️",
    "\u0301",
    "\u200b",
    "\u200f",
    "\ud800",
    "\x00",
    "مرحبا",
    "Привет",
    "中文",
    "121212-1212",
    "Pnr:",
    "130/80",
    "37,8",
    "kl.",
    "t.ex.",
    "S:",
    "ej",
    "inte",
    "sjuk",
    "sköterska",
    "((((((",
    "aaaaaaaaaaaaaaaa",
    "blodtrycksmätningsanteckning",
    "１２",
    "٣٤",
    "–",
    "‑",
]


def fuzzed(count: int, seed: int = 0, max_length: int = LENGTH) -> list[str]:
    """``count`` strings of up to ``max_length`` characters: random runs of the atoms above
    and of random code points, each atom repeated a random number of times (runs are what
    costs), seeded so every run measures the same strings."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        target = rng.randint(1, max_length)
        pieces, size = [], 0
        while size < target:
            atom = rng.choice(ATOMS) if rng.random() < 0.8 else chr(rng.randint(1, 0x2FFFF))
            piece = atom * rng.choice((1, 1, 1, 2, 5, 50, 500, 5000))
            pieces.append(piece)
            size += len(piece)
        out.append("".join(pieces)[:target])
    return out
