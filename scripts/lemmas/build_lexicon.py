"""Build nlp/data/lemmas/lexicon.zlib: Swedish word forms with their candidate lemmas.

Three sources are merged, each with its own gaps: simplemma's Swedish table (the best single
source on Talbanken), spaCy's lookup table, and the Hunspell sv_SE dictionary expanded through
its suffix rules (regular inflection, participles listed as their own stems). Only forms that
occur in wordfreq's large Swedish list are kept, with the lemmas the sources give them, which
keeps the file small and fast to load;
rarer words are mostly compounds, and ``nlp.lemmas`` lemmatizes those through their last part.

File format (UTF-8, zlib, which unpacks five times faster than LZMA for a fifth more bytes): the forms in code-point order, one per line, then a NUL, then one line per form with its
candidates separated by spaces. A candidate is ``<strip><add>|<sources>``: remove ``strip``
characters from the end of the form, append ``add``; ``sources`` holds S (simplemma), L (spaCy
lookup), H (Hunspell), in lower case where the source lists the form capitalised (a name).
Candidates are ordered by how many sources agree, simplemma first.

Rerun: ``.venv/bin/python scripts/lemmas/build_lexicon.py``
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sysconfig
import zlib
from collections.abc import Iterator
from pathlib import Path

import spacy_lookups_data
import wordfreq
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

from nlp.lemmas import edit_code

OUT = Path(__file__).resolve().parents[2] / "nlp" / "data" / "lemmas" / "lexicon.zlib"
HUNSPELL = Path(sysconfig.get_path("data")) / "share" / "hunspell"
SOURCE_ORDER = "SHL"


def hunspell_forms() -> Iterator[tuple[str, str]]:
    """(form, stem) for every stem of sv_SE.dic and every form its suffix flags make."""
    rules = collections.defaultdict(list)
    for line in (HUNSPELL / "sv_SE.aff").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, cond = parts[1:5]
            add, _, cont = add.partition("/")
            condition = re.compile("(?:" + ("" if cond == "." else cond) + ")$")
            rules[flag].append((strip.strip("0"), add.strip("0"), condition, cont))
    lines = (HUNSPELL / "sv_SE.dic").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        entry = line.split(" ")[0].split("\t")[0]
        stem, _, flags = entry.partition("/") if not entry.startswith("/") else (entry, "", "")
        if not stem or "%" in flags:  # forbidden word
            continue
        if "¤" not in flags and "Z" not in flags:  # needs an affix / only inside compounds
            yield stem, stem
        for flag in flags:
            for strip, add, condition, cont in rules.get(flag, ()):
                if "Z" not in cont and stem.endswith(strip) and condition.search(stem):
                    yield stem[: len(stem) - len(strip)] + add, stem


def merge_case(lemmas: dict[str, set[str]]) -> dict[str, set[str]]:
    """Merge lemmas that differ only in case, keeping a capital only if no source drops it."""
    merged: dict[str, set[str]] = {}
    for lemma in sorted(lemmas, key=lambda lem: lem != lem.lower()):
        same = next((m for m in merged if m.lower() == lemma.lower()), None)
        merged.setdefault(same or lemma, set()).update(lemmas[lemma])
    return merged


def source_pairs() -> list[tuple[str, str, str]]:
    """(form, lemma, source letter) from the three sources, without unusable strings."""
    pairs = [(f, lem, "S") for f, lem in DefaultDictionaryFactory().get_dictionary("sv").items()]
    lookup_path = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    with gzip.open(lookup_path) as lookup:
        pairs += [(f, lem, "L") for f, lem in json.loads(lookup.read()).items()]
    pairs += [(f, stem, "H") for f, stem in hunspell_forms()]
    return [
        (form, lemma, source)
        for form, lemma, source in pairs
        if lemma and not any(ch.isspace() or ch in "|\0" for ch in form + lemma)
    ]


def encode(form: str, lemmas: dict[str, set[str]]) -> str:
    """The candidates of ``form``, most agreed on first, as space-separated codes."""

    def rank(lemma: str) -> tuple:
        upper = {s for s in lemmas[lemma] if s.isupper()}
        return (-len(upper), -len(lemmas[lemma]), "S" not in upper, lemma)

    codes = []
    for lemma in sorted(lemmas, key=rank):
        sources = "".join(s for s in SOURCE_ORDER + SOURCE_ORDER.lower() if s in lemmas[lemma])
        codes.append(f"{edit_code(form, lemma)}|{sources}")
    return " ".join(codes)


def main() -> None:
    known = wordfreq.get_frequency_dict("sv", "large")
    pairs = source_pairs()
    kept = {form.lower() for form, _, _ in pairs if form.lower() in known}
    table = collections.defaultdict(lambda: collections.defaultdict(set))
    for form, lemma, source in pairs:
        key = form.lower()
        if key in kept:
            table[key][lemma].add(source if form == key else source.lower())
            # a source that gives a lemma also lists it as a lemma of itself
            table[lemma.lower()][lemma].add(source if lemma.islower() else source.lower())
    forms = sorted(table)
    entries = [encode(form, merge_case(table[form])) for form in forms]
    text = "\n".join(forms) + "\0" + "\n".join(entries)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(zlib.compress(text.encode("utf-8"), 9))
    print(f"{len(forms)} forms, {OUT.stat().st_size / 1e6:.2f} MB -> {OUT}")


if __name__ == "__main__":
    main()
