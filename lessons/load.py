"""Reading and validating lesson files: bundled ones and the editor's uploaded YAML.

All-or-nothing: a lesson is returned only when it validates; otherwise :class:`ContentError`
carries every problem with file, line and field in Swedish. A body over ``max_bytes`` is refused
before it is parsed, so a huge upload costs nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from glossary.load import load_areas
from glossary.problems import (
    ContentError,
    Problem,
    error_field,
    relevant_errors,
    swedish_message,
)
from glossary.yamlsource import line_at, plain, read_yaml
from lessons.crosscheck import unknown_term_messages
from lessons.model import Draft, Lesson

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_LESSON_BYTES = 1_000_000


def parse_lesson(
    text: str | bytes,
    source_name: str,
    *,
    known_terms: Collection[str] | None = None,
    max_bytes: int = MAX_LESSON_BYTES,
    draft: bool = False,
) -> Lesson | Draft:
    """One lesson from YAML text; with ``known_terms`` every referenced term must be in it.
    ``draft``: checked by the draft rules (:class:`lessons.model.Draft`), so parts may be
    missing."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > max_bytes:
        raise ContentError(
            [
                Problem(
                    source_name,
                    f"filen är för stor ({_megabytes(size)}); högst {_megabytes(max_bytes)} är tillåtet",
                )
            ]
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ContentError([Problem(source_name, "filen är inte sparad som UTF-8")]) from exc
    root = read_yaml(text, source_name)
    if not isinstance(root, CommentedMap):
        raise ContentError(
            [
                Problem(
                    source_name, "filen ska vara en lektion med fält som ”id:” och ”title:”", line=1
                )
            ]
        )
    problems = []
    try:
        lesson = (Draft if draft else Lesson).model_validate(plain(root))
    except ValidationError as exc:
        lesson = None
        problems += [
            Problem(
                source_name,
                swedish_message(err),
                line=line_at(root, err["loc"]),
                field=error_field(err),
            )
            for err in relevant_errors(exc)
        ]
    area = root.get("area")
    if isinstance(area, str) and area not in load_areas():
        problems.append(
            Problem(
                source_name, f"okänt område ”{area}”", line=line_at(root, ["area"]), field="area"
            )
        )
    if lesson is not None:
        problems += _exercise_id_problems(lesson, root, source_name)
        if known_terms is not None:
            problems += [
                Problem(source_name, message, line=line_at(root, loc), field=_dotted(loc))
                for loc, message in unknown_term_messages(lesson, known_terms)
            ]
    if problems:
        raise ContentError(problems)
    return lesson


def _exercise_id_problems(lesson: Draft, root: CommentedMap, source: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, exercise in enumerate(lesson.exercises):
        if exercise.id in seen:
            loc = ("exercises", i, "id")
            problems.append(
                Problem(
                    source,
                    f"övningen ”{exercise.id}” finns redan i lektionen",
                    line=line_at(root, loc),
                    field=_dotted(loc),
                )
            )
        seen.add(exercise.id)
    return problems


def _dotted(loc) -> str:
    return ".".join(str(part) for part in loc)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",").replace(",0 MB", " MB")


def load_file(path: str | Path, *, known_terms: Collection[str] | None = None) -> Lesson:
    """One lesson file; its ``id`` must be the file name without ``.yaml``."""
    path = Path(path)
    lesson = parse_lesson(path.read_bytes(), path.name, known_terms=known_terms)
    if lesson.id != path.stem:
        root = read_yaml(path.read_text(encoding="utf-8"), path.name)
        raise ContentError(
            [
                Problem(
                    path.name,
                    f"id ”{lesson.id}” ska vara samma som filnamnet ”{path.stem}”",
                    line=line_at(root, ["id"]),
                    field="id",
                )
            ]
        )
    return lesson


def bundled_paths() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def load_files(paths, *, known_terms: Collection[str] | None = None) -> tuple[Lesson, ...]:
    """All lessons from ``paths``, or ContentError with the problems of every file."""
    lessons, problems = [], []
    for path in paths:
        try:
            lessons.append(load_file(path, known_terms=known_terms))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return tuple(lessons)


@cache
def load_bundled(known_terms: frozenset[str] | None = None) -> tuple[Lesson, ...]:
    """The bundled lessons, parsed once per process; pass the term bank's
    ``references()`` to also check that every term exists."""
    return load_files(bundled_paths(), known_terms=known_terms)
