"""Command line: ``python -m nlp check --terms "blodtryck;puls" --format json|text FILE|-``.

stdout holds exactly one JSON object (or the text view); logs and errors go to stderr.
Exit codes: 0 done, 2 bad input (missing file, not UTF-8, empty term list).
``python -m nlp prepare`` builds the dictionary index into the user cache ahead of time (a
deploy step; otherwise the first check builds it, once per install).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from . import check
from .dictionary import load_index

log = logging.getLogger("nlp")

KIND_NAMES = {
    "spelling": "Stavning",
    "split_compound": "Särskrivning",
    "colloquial": "Vardagligt ord",
    "judgmental": "Värdeord",
    "personal_data": "Personuppgift",
    "measurement": "Mätvärde",
}


VARIANT_NAMES = {
    "abbreviation": "förkortning",
    "synonym": "synonym",
    "colloquial": "vardagligt ord",
}
SBAR_NAMES = {
    "situation": "Situation",
    "bakgrund": "Bakgrund",
    "aktuellt": "Aktuellt tillstånd",
    "rekommendation": "Rekommendation",
}


class InputError(Exception):
    """Bad input; the message is plain Swedish for the person at the terminal."""


def _read(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(f"Filen {source} finns inte.") from None
    except IsADirectoryError:
        raise InputError(f"{source} är en mapp, inte en fil.") from None
    except OSError as error:
        raise InputError(f"Det gick inte att läsa {source}: {error.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"Texten i {source} är inte kodad som UTF-8. Spara den som UTF-8."
        ) from None


def _terms(value: str) -> list[str]:
    terms = [t.strip() for t in value.split(";") if t.strip()]
    if not terms:
        raise InputError(
            'Termlistan är tom. Ange minst en term, till exempel --terms "blodtryck;puls".'
        )
    return terms


def render_text(text: str, report: dict) -> str:
    """The report for a person: the note with marked spans, then terms and findings."""
    spans = sorted(report["findings"], key=lambda f: f["start"])
    marked, pos = [], 0
    for f in spans:
        if f["start"] < pos:
            continue
        marked += [text[pos : f["start"]], "[[", text[f["start"] : f["end"]], "]]"]
        pos = f["end"]
    marked.append(text[pos:])
    lines = ["Anteckning (markerade ställen inom [[ ]]):", "".join(marked), "", "Termer:"]
    for m in report["terms"]["found"]:
        negation = " (nekad)" if m["negated"] else ""
        lines.append(
            f"  hittad: {m['term']} som ”{m['text']}” vid {m['start']}–{m['end']}{negation}"
        )
    lines += [f"  saknas: {term}" for term in report["terms"]["missing"]]
    lines += ["", "Att titta på:"] if spans else ["", "Inget att anmärka på."]
    for f in spans:
        tip = f" Förslag: {', '.join(f['suggestions'])}." if f["suggestions"] else ""
        lines.append(
            f"  {KIND_NAMES[f['kind']]}: ”{f['text']}” ({f['start']}–{f['end']}). {f['message']}{tip}"
        )
    for v in report["terms"].get("variants", []):
        lines.append(
            f"  obs: ”{v['text']}” räknas inte som {v['term']} ({VARIANT_NAMES[v['kind']]})"
        )
    r = report["readability"]
    lines += [
        "",
        (
            f"Läsbarhet: LIX {r['lix']} (antal ord: {r['words']}, meningar: {r['sentences']}, "
            f"långa ord: {r['long_words']})"
        ),
    ]
    sbar = report["sbar"]
    if sbar.get("required"):
        missing = ", ".join(SBAR_NAMES[p] for p in sbar["missing"]) or "inga"
        lines.append(f"SBAR: delar som saknas: {missing}")
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in Swedish (exit code 2, like other bad input)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(f"Fel: felaktiga argument ({message}).", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(message)s"
    )
    parser = _Parser(prog="python -m nlp", description="Granska en vårdanteckning.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    cmd = commands.add_parser("check", help="granska en anteckning")
    cmd.add_argument("--terms", required=True, help="termer åtskilda med semikolon")
    cmd.add_argument("--format", choices=("json", "text"), default="json")
    cmd.add_argument("--form", choices=("free", "sbar"), default="free")
    cmd.add_argument("file", help="fil med anteckningen, eller - för standard in")
    commands.add_parser(
        "prepare", help="bygg ordlisteindexet i förväg (görs annars vid första körningen)"
    )
    args = parser.parse_args(argv)
    if args.command == "prepare":
        t = time.perf_counter()
        load_index()
        print(f"Ordlisteindexet är klart ({time.perf_counter() - t:.1f} s).", file=sys.stderr)
        return 0
    try:
        terms = _terms(args.terms)
        text = _read(args.file)
    except InputError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    report = check(text, terms, form=args.form).to_dict()
    if args.format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(text, report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
