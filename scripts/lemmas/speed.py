"""What the lemmatizer costs: data load in a fresh process, and time per token, cold and warm.

Rerun: ``.venv/bin/python scripts/lemmas/speed.py`` (uses the Talbanken dev forms as text;
pipeline-wide figures are in benchmarks/nlp_speed.py).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / ".." / "shared" / "data" / "ud-sv-talbanken" / "sv_talbanken-ud-dev.conllu"


def dev_sentences() -> list[list[str]]:
    sentences, current = [], []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("#") and line.split("\t")[0].isdigit():
            current.append(line.split("\t")[1])
    return sentences


def main() -> None:
    start = time.perf_counter()
    import spacy
    from spacy.tokens import Doc

    lang = spacy.blank("sv")
    from nlp import lemmas

    spacy_loaded, cpu = time.perf_counter(), time.process_time()
    lang.add_pipe("ordvard_lemmatizer")
    lemmas._lexicon(), lemmas._model(), lemmas._suffix_rules(), lemmas._overrides()
    data_loaded, cpu = time.perf_counter(), time.process_time() - cpu
    print(f"spaCy import + blank('sv') + import nlp: {spacy_loaded - start:.3f} s")
    print(f"lemma data load: {data_loaded - spacy_loaded:.3f} s wall, {cpu:.3f} s CPU")

    docs = [Doc(lang.vocab, words=words) for words in dev_sentences()]
    tokens = sum(len(doc) for doc in docs)
    begin = time.perf_counter()
    for doc in docs:
        lang(doc)
    cold = time.perf_counter() - begin
    print(
        f"first pass over dev (cold caches): {1e6 * cold / tokens:.1f} µs/token ({tokens} tokens)"
    )

    note = [word for words in dev_sentences()[:6] for word in words][:100]
    runs = []
    for _ in range(200):
        begin = time.perf_counter()
        lang(Doc(lang.vocab, words=note))
        runs.append(time.perf_counter() - begin)
    p50 = statistics.median(runs)
    print(f"100-word text, warm: p50 {1e3 * p50:.2f} ms ({1e6 * p50 / len(note):.1f} µs/token)")


if __name__ == "__main__":
    main()
