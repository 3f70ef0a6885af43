"""The six word drill kinds and the word-order drill: which one an item gets, and what it
shows (its prompt).

Pure functions over glossary and lesson records, no database: the service fetches the term,
its lesson, the distractors and the card's history, and stores the prompt this module builds
in the ``DrillItem`` row, so an answer is checked against exactly what was shown.

**How a kind is chosen for an item** (:func:`choose_kind`). Each card has a direction:

- *recognise* (Swedish → meaning): flashcard sv→L1, multiple choice, en/ett;
- *produce* (meaning → Swedish): flashcard L1→sv, cloze, listen and type, spelling.

The candidates are the direction's kinds that the lesson's ``drills.kinds`` allows and the term
supports (en/ett only for nouns, a cloze only when a procedure step or the example holds the
term, multiple choice only with at least two distractors). Among them the kind this card has
been drilled with least often wins — so a term is met in every way its direction has before
any way repeats; ties go to the kind the trainee met longest ago in their latest items (never
met first), so one session runs through all six kinds; then to the order listed above.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from glossary.model import FORM_LABELS
from glossary.model import Term as TermRecord
from lessons.model import Lesson as LessonRecord
from lessons.model import segments
from lessons.word_order import cut_sentence

RECOGNISE, PRODUCE = "recognise", "produce"
DIRECTIONS = (RECOGNISE, PRODUCE)
ORDER, WORD_ORDER = "order", "word_order"  # a sentence card's direction and its one kind
KINDS_BY_DIRECTION = {
    RECOGNISE: ("flashcard", "choice", "gender"),
    PRODUCE: ("flashcard", "cloze", "listen", "spelling"),
}
KIND_NAMES = {
    "flashcard": "Ordkort",
    "choice": "Välj rätt ord",
    "gender": "En eller ett?",
    "cloze": "Fyll i meningen",
    "listen": "Lyssna och skriv",
    "spelling": "Stava ordet",
    WORD_ORDER: "Ordföljd",
}
CHOICE_OPTIONS = 4
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def directions_for(allowed: Sequence[str]) -> tuple[str, ...]:
    """The directions a lesson's allowed kinds can drill (a card is made only for these)."""
    return tuple(d for d in DIRECTIONS if set(KINDS_BY_DIRECTION[d]) & set(allowed))


def term_refers(reference: str, term: TermRecord) -> bool:
    return reference in (term.lemma, term.key)


def cloze_sentences(term: TermRecord, lesson: LessonRecord | None) -> list[tuple[str, str, str]]:
    """(before, answer, after) for each procedure-step sentence that marks the term, then the
    term's example sentence: the answer is the form the sentence uses."""
    found = []
    for step in lesson.procedure if lesson else ():
        pieces = segments(step.text)
        for i, (surface, lemma) in enumerate(pieces):
            if lemma is not None and term_refers(lemma, term):
                before = "".join(text for text, _ in pieces[:i])
                after = "".join(text for text, _ in pieces[i + 1 :])
                found.append(_one_sentence(before, surface, after))
    example = _blank_in(term.example, term)
    if example is not None:
        found.append(example)
    return list(dict.fromkeys(found))


def _one_sentence(before: str, answer: str, after: str) -> tuple[str, str, str]:
    """Cut the text around the answer down to the sentence that holds it."""
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    end = _SENTENCE_END.search(after)
    if end:
        after = after[: end.end()]
    return before.lstrip(), answer, after.rstrip()


def _blank_in(sentence: str, term: TermRecord) -> tuple[str, str, str] | None:
    for form in sorted(term.surface_forms, key=len, reverse=True):
        match = re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", sentence, re.IGNORECASE)
        if match:
            return _one_sentence(sentence[: match.start()], match.group(0), sentence[match.end() :])
    return None


def feasible_kinds(
    direction: str,
    term: TermRecord,
    allowed: Sequence[str],
    *,
    has_cloze: bool,
    distractor_count: int,
) -> list[str]:
    possible = {
        "gender": term.pos == "noun" and term.gender is not None,
        "cloze": has_cloze,
        "choice": distractor_count >= 2,
    }
    return [
        kind
        for kind in KINDS_BY_DIRECTION[direction]
        if kind in allowed and possible.get(kind, True)
    ]


def choose_kind(candidates: Sequence[str], met: dict[str, int], recent: Sequence[str]) -> str:
    """The kind for the next item (rule in the module docstring).

    ``met``: how often this card was drilled with each kind; ``recent``: the trainee's latest
    items' kinds, newest first.
    """
    if not candidates:
        return "flashcard"

    def staleness(kind: str) -> int:
        return recent.index(kind) if kind in recent else len(recent) + 1

    return min(candidates, key=lambda k: (met.get(k, 0), -staleness(k), candidates.index(k)))


def _translation(term: TermRecord, l1: str) -> tuple[str, str, str | None]:
    """The meaning in the trainee's language (English if it has none yet), with its code and
    review status (``webapp.review_state``; None for the Swedish explanation, no translation)."""
    for code in (l1, "en"):
        translation = term.translation(code)
        if translation is not None:
            return translation.text, code, translation.status
    return term.definition, "sv", None


def build_prompt(
    kind: str,
    direction: str,
    term: TermRecord,
    *,
    l1: str,
    seed: int,
    lesson: LessonRecord | None = None,
    distractors: Sequence[str] = (),
) -> dict:
    """What an item shows and what it expects, as JSON for ``DrillItem.prompt``."""
    meaning, meaning_lang, meaning_status = _translation(term, l1)
    prompt = {
        "kind": kind,
        "direction": direction,
        "lemma": term.lemma,
        "meaning": meaning,
        "meaning_lang": meaning_lang,
        "meaning_status": meaning_status,  # shown as granskad / inte granskad ännu
        "audio": term.lemma,
        "solution": term.lemma,
    }
    rng = random.Random(seed)
    if kind == "flashcard":
        prompt["expected"] = term.lemma
    elif kind == "choice":
        picked = rng.sample(list(distractors), min(CHOICE_OPTIONS - 1, len(distractors)))
        options = [term.lemma, *picked]
        rng.shuffle(options)
        prompt |= {"definition": term.definition, "options": options, "expected": term.lemma}
    elif kind == "gender":
        word = term.forms.get("sg_indef") or term.lemma
        prompt |= {
            "word": word,
            "audio": word,
            "options": ["en", "ett"],
            "expected": term.gender,
            "solution": f"{term.gender} {word}",
        }
    elif kind == "cloze":
        sentences = cloze_sentences(term, lesson)
        before, answer, after = sentences[seed % len(sentences)]
        prompt |= {
            "before": before,
            "after": after,
            "expected": answer,
            "audio": f"{before}{answer}{after}".strip(),
            "solution": f"{before}{answer}{after}".strip(),
            "other_forms": other_forms(term.forms, answer),
        }
    elif kind in ("listen", "spelling"):
        prompt |= {
            "expected": term.lemma,
            "accepted": list(term.synonyms) if kind == "spelling" else [],
        }
        if kind == "spelling":
            prompt["definition"] = term.definition
    return prompt


def other_forms(forms: dict[str, str | None], answer: str) -> dict[str, str]:
    """The term's forms other than ``answer`` → what they are, for "right word, wrong form".

    Forms often coincide (``blodtrycksmätare`` is singular and plural): such a form is named
    by all its labels ("obestämd form singular eller obestämd form plural"), never by just one.
    A form spelled like the answer is left out: typing it is right.
    """
    labels: dict[str, list[str]] = {}
    for key, form in forms.items():
        if form and form.casefold() != answer.casefold():
            labels.setdefault(form, []).append(FORM_LABELS[key])
    return {form: " eller ".join(names) for form, names in labels.items()}


def word_order_prompt(sentence: str, seed: int) -> dict:
    """A word-order item: the sentence's parts shuffled (never into a right order), the right
    orders as sentences (``accepted``), and where the verb and subject are among the parts
    shown, for the hint after a wrong answer."""
    cut = cut_sentence(sentence)
    rng = random.Random(seed)
    shown = list(range(len(cut.parts)))
    for _ in range(20):
        rng.shuffle(shown)
        if tuple(shown) not in cut.orders:
            break
    return {
        "kind": WORD_ORDER,
        "direction": ORDER,
        "parts": [cut.parts[i].text for i in shown],
        "verb": shown.index(cut.verb),
        "subject": shown.index(cut.subject),
        "accepted": list(cut.accepted),
        "expected": sentence,
        "audio": sentence,
        "solution": sentence,
    }
