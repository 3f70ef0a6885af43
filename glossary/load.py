"""Reading and validating the term files under ``glossary/data/terms/``.

Everything is all-or-nothing: :func:`load_files` returns a bank only when every file validates,
otherwise it raises :class:`ContentError` with every problem found (file, line, term, reason in
Swedish), so a writer can fix them all in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from glossary.bank import TermBank
from glossary.model import Term
from glossary.problems import (
    ContentError,
    Problem,
    error_field,
    relevant_errors,
    swedish_message,
)
from glossary.yamlsource import line_at, plain, read_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
TERMS_DIR = DATA_DIR / "terms"
FILE_KEYS = frozenset({"area", "terms"})


@cache
def load_areas() -> dict[str, str]:
    """Area slug → Swedish display name, in the order the site lists them."""
    data = read_yaml((DATA_DIR / "areas.yaml").read_text(encoding="utf-8"), "areas.yaml")
    return {str(k): str(v) for k, v in data.items()}


@cache
def load_hunspell_exceptions() -> dict[str, str]:
    """Forms the Swedish dictionary rejects but that are correct here: form → reason."""
    path = DATA_DIR / "hunspell_exceptions.yaml"
    entries = read_yaml(path.read_text(encoding="utf-8"), path.name) or []
    problems = [
        Problem(
            path.name, "varje undantag behöver både ”form” och ”reason”", line=line_at(entries, [i])
        )
        for i, e in enumerate(entries)
        if not isinstance(e, dict) or not e.get("form") or not e.get("reason")
    ]
    if problems:
        raise ContentError(problems)
    return {str(e["form"]): str(e["reason"]) for e in entries}


def bundled_paths() -> list[Path]:
    return sorted(TERMS_DIR.glob("*.yaml"))


def _term_problems(
    error: ValidationError, source: str, root: Any, prefix: Sequence
) -> list[Problem]:
    """Turn a term's pydantic errors into Problems with the line each one points at."""
    entry = _entry_name(root, prefix)
    return [
        Problem(
            source,
            swedish_message(err),
            line=line_at(root, [*prefix, *err["loc"]]),
            entry=entry,
            field=error_field(err),
        )
        for err in relevant_errors(error)
    ]


def _entry_name(root: Any, prefix: Sequence) -> str | None:
    node = root
    for key in prefix:
        node = node[key]
    if isinstance(node, dict) and isinstance(node.get("lemma"), str) and node["lemma"].strip():
        return f"term ”{node['lemma'].strip()}”"
    if prefix and isinstance(prefix[-1], int):
        return f"term nr {prefix[-1] + 1}"
    return None


def unknown_areas(values: object, areas: dict[str, str]) -> str | None:
    """A Swedish message if any of the extra areas is not a known area slug, else None."""
    if not isinstance(values, (list, tuple)):
        return None
    unknown = [str(a) for a in values if a not in areas]
    if not unknown:
        return None
    return f"okänt område {', '.join(f'”{a}”' for a in unknown)}"


def _read_file(path: Path) -> tuple[list[tuple[int, Term]], list[Problem], Any]:
    source = path.name
    try:
        root = read_yaml(path.read_text(encoding="utf-8"), source)
    except UnicodeDecodeError:
        return [], [Problem(source, "filen är inte sparad som UTF-8")], None
    except ContentError as exc:
        return [], exc.problems, None
    if not isinstance(root, CommentedMap):
        return [], [Problem(source, "filen ska börja med ”area:” och ”terms:”", line=1)], root
    problems = [
        Problem(source, "okänt fält", line=line_at(root, [k]), field=str(k))
        for k in root
        if k not in FILE_KEYS
    ]
    areas = load_areas()
    area = root.get("area")
    if area is None:
        problems.append(Problem(source, "fältet saknas", line=1, field="area"))
    elif area not in areas:
        problems.append(
            Problem(source, f"okänt område ”{area}”", line=line_at(root, ["area"]), field="area")
        )
    elif path.stem != area:
        message = f"filen ska heta {area}.yaml (en fil per område)"
        problems.append(Problem(source, message, line=line_at(root, ["area"]), field="area"))
    entries = root.get("terms")
    if not isinstance(entries, list) or not entries:
        problems.append(
            Problem(
                source,
                "listan med termer saknas eller är tom",
                line=line_at(root, ["terms"]),
                field="terms",
            )
        )
        return [], problems, root
    terms = []
    for index, entry in enumerate(entries):
        prefix = ["terms", index]
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    source,
                    "varje term ska vara en tabell med fält",
                    line=line_at(root, prefix),
                    entry=f"term nr {index + 1}",
                )
            )
            continue
        if "area" in entry:
            problems.append(
                Problem(
                    source,
                    "okänt fält (termens område är filens ”area”; lägg extra områden i ”areas”)",
                    line=line_at(root, [*prefix, "area"]),
                    entry=_entry_name(root, prefix),
                    field="area",
                )
            )
            continue
        bad_areas = unknown_areas(entry.get("areas"), areas)
        if bad_areas:
            problems.append(
                Problem(
                    source,
                    bad_areas,
                    line=line_at(root, [*prefix, "areas"]),
                    entry=_entry_name(root, prefix),
                    field="areas",
                )
            )
        try:
            term = Term.model_validate({**plain(entry), "area": str(area)})
        except ValidationError as exc:
            problems.extend(_term_problems(exc, source, root, prefix))
        else:
            terms.append((index, term))
    return terms, problems, root


def _duplicates(found: Iterable[tuple[Path, int, Term, Any]]) -> list[Problem]:
    seen: dict[str, tuple[Path, int | None]] = {}
    problems = []
    for path, index, term, root in found:
        line = line_at(root, ["terms", index])
        if term.key in seen:
            first_path, first_line = seen[term.key]
            problems.append(
                Problem(
                    path.name,
                    f"samma lemma och ordklass finns redan i {first_path.name}, rad {first_line}",
                    line=line,
                    entry=f"term ”{term.lemma}” ({term.pos})",
                )
            )
        else:
            seen[term.key] = (path, line)
    return problems


def check_files(paths: Iterable[Path]) -> tuple[list[Term], list[Problem]]:
    """The valid terms of the given files and every problem found (for reports and tests;
    use :func:`load_files` to get a bank only when there is no problem)."""
    terms: list[Term] = []
    problems: list[Problem] = []
    found = []
    for path in paths:
        file_terms, file_problems, root = _read_file(Path(path))
        problems.extend(file_problems)
        found.extend((Path(path), i, t, root) for i, t in file_terms)
        terms.extend(t for _, t in file_terms)
    problems.extend(_duplicates(found))
    return terms, problems


def validate_files(paths: Iterable[Path]) -> list[Problem]:
    """Every problem in the given term files, including a lemma + word class used twice."""
    return check_files(paths)[1]


def validate_file(path: Path) -> list[Problem]:
    """Every problem in one term file (an empty list means the file is fine)."""
    return validate_files([path])


def load_files(paths: Iterable[Path]) -> TermBank:
    """The term bank from the given files; raises ContentError if any of them has a problem."""
    terms, problems = check_files(paths)
    if problems:
        raise ContentError(problems)
    return TermBank(terms)


@cache
def check_bundled() -> tuple[tuple[Term, ...], tuple[Problem, ...]]:
    """The bundled files' valid terms and problems, read once per process (YAML with line
    numbers is slow to parse: about 1.5 s for 500 terms)."""
    terms, problems = check_files(bundled_paths())
    return tuple(terms), tuple(problems)


@cache
def load_bundled() -> TermBank:
    """The bundled term bank, parsed once per process (it is read-only); ContentError if any
    bundled file has a problem."""
    terms, problems = check_bundled()
    if problems:
        raise ContentError(list(problems))
    return TermBank(terms)
