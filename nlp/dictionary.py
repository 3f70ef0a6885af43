"""The Swedish Hunspell dictionary as a compact, fast word-form index.

Why not Hunspell itself: pure-Python ``spylls`` needs ~2.8 s to load sv_SE and up to 5 ms
per word (suggestions 0.2-1.4 s); the C binding needs Debian packages, which ``pip install -e .``
cannot bring. Instead the ``sv_SE`` files from PyPI ``hunspell-sv`` are expanded once (every stem
with every suffix rule; 4-7 s once per install, or ``python -m nlp prepare``) into the word
forms they allow, each with the compound positions it
may take (Hunspell's COMPOUNDBEGIN/MIDDLE/END, ONLYINCOMPOUND and the affix continuation flags)
and its ``wordfreq`` Zipf frequency. The index is stored as sorted 64-bit BLAKE2 hashes with
parallel byte arrays of role bits, noun readings and frequencies (~10.5 MB for ~0.96 M forms)
in the user cache directory, memory-mapped at load (under 1 ms), and checked with one binary search (~4 µs).
Word classes from flags are approximate (Hunspell does not mark them); callers use them only as
hints, never as the sole evidence for a finding.

Roles are bit flags: ``WORD`` (may stand alone), ``BEGIN``/``MIDDLE``/``END`` (compound positions),
and the word class of the dictionary entry a form belongs to (``NOUN``, ``ADJECTIVE``, ``VERB``),
read from the forms the entry generates: comparison (*-are, -ast*) makes an adjective, present and
past tense of an *-a* stem a verb, a definite form (*-en, -et, -n, -t*) otherwise a noun.

Noun readings are a second byte per form (``noun_bits``): one bit for each of gender (en/ett)
× number × definiteness that a noun entry gives the form, read from the suffix class that
makes it (``_noun_suffix``): *-et/-t* (flags B, C) is an ett-ord's definite singular; *-en/-n*
(D, E, F) an en-ord's definite singular, or an ett-ord's definite or indefinite plural;
*-ar/-er/-or/-r* (G, H, I, J) and *-arna/-erna/-orna/-rna* the plurals. An entry with both
an ett-form and an en-ord's plural (*plan*: planet, planer) is both genders.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sysconfig
import tempfile
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from .caches import LOOKUPS

WORD, BEGIN, MIDDLE, END = 1, 2, 4, 8
NOUN, ADJECTIVE, VERB = 16, 32, 64  # word class of the entry a form comes from (approximate)
INDEX_VERSION = "3"
# noun readings of a form (bit per gender × number × definiteness), the second byte per form
COM_SING_IND, COM_SING_DEF, COM_PLUR_IND, COM_PLUR_DEF = 1, 2, 4, 8
NEUT_SING_IND, NEUT_SING_DEF, NEUT_PLUR_IND, NEUT_PLUR_DEF = 16, 32, 64, 128
COM_READINGS, NEUT_READINGS = 15, 240
_FLAG_BEGIN, _FLAG_MIDDLE, _FLAG_END, _FLAG_ONLY_COMPOUND = "X", "U", "Y", "Z"
_FLAG_FORBIDDEN, _FLAG_NEEDAFFIX = "%", "¤"


def hunspell_dir() -> Path:
    """Where ``hunspell-sv`` installs ``sv_SE.aff``/``sv_SE.dic`` (the environment's data dir)."""
    return Path(sysconfig.get_path("data")) / "share" / "hunspell"


def cache_dir() -> Path:
    """The user cache directory (``$ORDVARD_CACHE``, else ``$XDG_CACHE_HOME/ordvard``)."""
    if os.environ.get("ORDVARD_CACHE"):
        return Path(os.environ["ORDVARD_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ordvard"


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a word form (Python's ``hash`` differs per process)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _parse_suffixes(aff_text: str) -> dict[str, list[tuple[str, str, str, re.Pattern]]]:
    """Suffix rules per flag: (strip, add, continuation flags, condition on the stem end)."""
    rules: dict[str, list] = {}
    for line in aff_text.splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
        add, _, cont = add.partition("/")
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add
        rules.setdefault(flag, []).append((strip, add, cont, re.compile(f"(?:{cond})$")))
    return rules


def expand(aff: Path, dic: Path, nouns: dict[str, int] | None = None) -> dict[str, int]:
    """All word forms the dictionary allows, each with its role bits; ``nouns``, when given,
    is filled with each noun form's reading bits."""
    rules = _parse_suffixes(aff.read_text(encoding="utf-8"))
    forms: dict[str, int] = {}

    def add(form: str, roles: int) -> None:
        if roles and form:
            forms[form] = forms.get(form, 0) | roles

    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        stem, _, flags = line.partition("/")
        if not stem or " " in stem or _FLAG_FORBIDDEN in flags:
            continue
        stem_roles = 0
        if _FLAG_ONLY_COMPOUND not in flags and _FLAG_NEEDAFFIX not in flags:
            stem_roles |= WORD
        if _FLAG_BEGIN in flags:
            stem_roles |= BEGIN
        if _FLAG_MIDDLE in flags:
            stem_roles |= MIDDLE
        if _FLAG_END in flags:
            stem_roles |= END
        generated: list[tuple[str, int]] = []
        noun_forms: list[tuple[str, str]] = []  # (form, its suffix class)
        for flag in flags:
            for strip, suffix, cont, cond in rules.get(flag, ()):
                if strip and not stem.endswith(strip):
                    continue
                if not cond.search(stem):
                    continue
                form = (stem[: -len(strip)] if strip else stem) + suffix
                if _FLAG_ONLY_COMPOUND in cont:
                    roles = 0
                else:
                    roles = WORD | (END if _FLAG_END in flags else 0)
                if _FLAG_BEGIN in cont:
                    roles |= BEGIN
                if _FLAG_MIDDLE in cont:
                    roles |= MIDDLE
                if _FLAG_END in cont:
                    roles |= END
                generated.append((form, roles))
                kind = _noun_suffix(flag, suffix)
                if kind and _FLAG_ONLY_COMPOUND not in cont:
                    noun_forms.append((form, kind))
        if nouns is not None and noun_forms and stem_roles & WORD:
            for form, bits in _noun_readings(stem, noun_forms).items():
                nouns[form] = nouns.get(form, 0) | bits
        word_class = _word_class(stem, {form for form, _ in generated})
        add(stem, stem_roles | word_class if stem_roles else 0)
        for form, roles in generated:
            add(form, roles | word_class if roles else 0)
    return forms


NOUN_FLAGS = frozenset("BCDEFGHIJ")


@cache
def _noun_suffix(flag: str, suffix: str) -> str:
    """The noun form a suffix rule of ``flag`` makes: ``neut-def`` (*-et*, *-t*), ``en``
    (*-en*, *-n*: an en-ord's definite singular, or an ett-ord's definite plural, *borden*,
    from flags D and F, its indefinite plural, *frön*, from E: ``en-ind``), ``plur-ind``,
    ``plur-def``, ``neut-plur-def`` (*täckena*); "" for genitives, verb and adjective rules."""
    if flag not in NOUN_FLAGS or not suffix or suffix.endswith(("s", ":", "-")):
        return ""
    if flag == "B":
        return "neut-def" if suffix == "et" else ""
    if flag == "C" or (flag == "J" and suffix == "et"):
        return "neut-def"
    if flag in "DEF":
        if flag == "D" and suffix != "en" or flag == "F" and suffix == "ndena":
            return ""
        if suffix == "a":  # faktum → fakta
            return "plur-ind"
        if flag == "F" and suffix == "na":
            return "neut-plur-def"  # täckena, äpplena (an en-ord in -e has -arna)
        return "en-ind" if flag == "E" else "en"
    if suffix.endswith("na"):
        return "plur-def"
    return "plur-ind" if suffix.endswith("r") else ""


def _noun_readings(stem: str, noun_forms: list[tuple[str, str]]) -> dict[str, int]:
    """Reading bits of a noun entry's stem and forms (see the module's docstring)."""
    kinds = {kind.removesuffix("-ind") for _, kind in noun_forms}
    neuter = bool(kinds & {"neut-def", "neut-plur-def"})
    common = "en" in kinds and not neuter
    if (
        neuter
        and "en" in kinds
        and any(kind == "plur-ind" and form.endswith("r") for form, kind in noun_forms)
    ):
        common = True  # plan: planet (ett plan), planen and planer (en plan)
    if not (neuter or common):
        return {}
    out: dict[str, int] = {}
    for form, kind in noun_forms:
        bits = 0
        if kind == "neut-def":
            bits = NEUT_SING_DEF
        elif kind in ("en", "en-ind"):
            if common:
                bits |= COM_SING_DEF
            if neuter:  # borden, fönstren; frön, knän, blåmärken
                bits |= NEUT_PLUR_IND if kind == "en-ind" else NEUT_PLUR_DEF
        elif kind == "plur-ind":
            bits = (COM_PLUR_IND if common else 0) | (NEUT_PLUR_IND if neuter else 0)
        elif kind in ("plur-def", "neut-plur-def"):
            bits = (COM_PLUR_DEF if common else 0) | (NEUT_PLUR_DEF if neuter else 0)
        out[form] = out.get(form, 0) | bits
    stem_bits = (COM_SING_IND if common else 0) | (NEUT_SING_IND if neuter else 0)
    plural_ind = any(bits & (COM_PLUR_IND | NEUT_PLUR_IND) for bits in out.values())
    plural_def = any(bits & (COM_PLUR_DEF | NEUT_PLUR_DEF) for bits in out.values())
    if plural_def and not plural_ind:  # ett bord, två bord, borden; en lärare, lärarna
        stem_bits |= (COM_PLUR_IND if common else 0) | (NEUT_PLUR_IND if neuter else 0)
    out[stem] = out.get(stem, 0) | stem_bits
    return out


def _word_class(stem: str, forms: set[str]) -> int:
    if forms & {stem + "are", stem + "ast", stem + "aste"}:
        return ADJECTIVE
    if (
        stem.endswith("a")
        and forms & {stem + "r", stem[:-1] + "er"}
        and forms & {stem + "de", stem[:-1] + "de", stem[:-1] + "te", stem + "t", stem[:-1] + "t"}
    ):
        return VERB
    if forms & {stem + "en", stem + "et", stem + "n", stem + "t", stem[:-2] + stem[-1] + "n"}:
        return NOUN
    return 0


def _zipf_bytes(words: list[str]) -> np.ndarray:
    """Each form's ``wordfreq`` Zipf frequency × 10 as a byte (0 = unseen)."""
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("sv")
    zipf = [math.log10(freq[w.lower()]) + 9 if w.lower() in freq else 0.0 for w in words]
    return np.array([round(z * 10) for z in zipf], dtype=np.uint8)


def build_index(target: Path) -> Path:
    """Expand the dictionary and write the index files to ``target``; returns ``target``."""
    src = hunspell_dir()
    nouns: dict[str, int] = {}
    forms = expand(src / "sv_SE.aff", src / "sv_SE.dic", nouns)
    words = list(forms)
    hashes = np.array([word_hash(w) for w in words], dtype=np.uint64)
    roles = np.array([forms[w] for w in words], dtype=np.uint8)
    noun_bits = np.array([nouns.get(w, 0) for w in words], dtype=np.uint8)
    order = np.argsort(hashes, kind="stable")
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f".tmp-{os.getpid()}"
    tmp.mkdir(exist_ok=True)
    np.save(tmp / "hashes.npy", hashes[order])
    np.save(tmp / "roles.npy", roles[order])
    np.save(tmp / "nouns.npy", noun_bits[order])
    np.save(tmp / "zipf.npy", _zipf_bytes(words)[order])
    for name in ("hashes.npy", "roles.npy", "nouns.npy", "zipf.npy"):  # zipf last: complete
        os.replace(tmp / name, target / name)
    tmp.rmdir()
    return target


class WordIndex:
    """Membership, compound roles and frequency of Swedish word forms."""

    def __init__(self, folder: Path):
        self._hashes = np.load(folder / "hashes.npy", mmap_mode="r")
        self._roles_array = np.load(folder / "roles.npy", mmap_mode="r")
        self.roles = lru_cache(maxsize=LOOKUPS)(self._roles)  # per index, not per class
        self._zipf = np.load(folder / "zipf.npy", mmap_mode="r")
        self._nouns = np.load(folder / "nouns.npy", mmap_mode="r")

    def _position(self, word: str) -> int:
        h = word_hash(word)
        i = int(np.searchsorted(self._hashes, np.uint64(h)))
        if i < len(self._hashes) and int(self._hashes[i]) == h:
            return i
        return -1

    def _roles(self, word: str) -> int:
        """Role bits of ``word`` exactly as written (0 when unknown)."""
        i = self._position(word)
        return int(self._roles_array[i]) if i >= 0 else 0

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency (0.0 when unseen or unknown)."""
        i = self._position(word)
        return int(self._zipf[i]) / 10 if i >= 0 else 0.0

    def noun_bits(self, word: str) -> int:
        """The noun readings of ``word`` as written (``COM_SING_IND`` …; 0 when no noun entry
        of the dictionary makes this form)."""
        i = self._position(word)
        return int(self._nouns[i]) if i >= 0 else 0

    def known_many(self, words: list[str]) -> np.ndarray:
        """Vectorised: for each word, its role bits (0 when unknown)."""
        if not words:
            return np.zeros(0, dtype=np.uint8)
        hashes = np.array([word_hash(w) for w in words], dtype=np.uint64)
        idx = np.searchsorted(self._hashes, hashes)
        idx = np.minimum(idx, len(self._hashes) - 1)
        hit = self._hashes[idx] == hashes
        return np.where(hit, self._roles_array[idx], 0).astype(np.uint8)


def _index_folder() -> Path:
    stat = (hunspell_dir() / "sv_SE.dic").stat()
    return cache_dir() / f"sv_SE-{INDEX_VERSION}-{stat.st_size}-{int(stat.st_mtime)}"


@lru_cache(maxsize=1)
def load_index() -> WordIndex:
    """The word index, built into the cache directory on first use (~6 s, once per install)."""
    folder = _index_folder()
    if not (folder / "zipf.npy").exists():
        try:
            build_index(folder)
        except OSError:  # no writable cache directory: build into a temporary one
            folder = build_index(Path(tempfile.mkdtemp(prefix="ordvard-")) / folder.name)
    return WordIndex(folder)
