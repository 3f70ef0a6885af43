"""Problems found in content files, reported to teachers and writers in plain Swedish.

Both the term bank and the lesson loader report through :class:`Problem`, so the web layer can
show any validation result the same way: which file, which entry, which line, what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass


def counted(n: int, one: str, many: str) -> str:
    """``n`` and the words that follow it in the right number, for any message with a count:
    ``counted(1, "replik", "repliker")`` is ``1 replik``; ``one`` and ``many`` may be whole
    phrases when more than the noun agrees (``"term är inläst"``, ``"termer är inlästa"``)."""
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a content file.

    ``line`` is 1-based (as an editor shows it) or None when it cannot be known; CSV imports
    give the spreadsheet ``row`` (header = 1) and JSON imports the 1-based list ``item``
    instead. ``entry`` names the term or lesson part, e.g. ``term ”blodtryck”``.
    """

    source: str
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None
    row: int | None = None
    item: int | None = None

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"rad {self.row}")
        elif self.item is not None:
            where.append(f"post {self.item}")
        elif self.line is not None:
            where.append(f"rad {self.line}")
        if self.entry:
            where.append(self.entry)
        if self.field:
            where.append(f"fältet ”{self.field}”")
        return f"{', '.join(where)}: {self.message}"


class ContentError(ValueError):
    """Raised instead of returning anything when content does not validate (all-or-nothing)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"\n… och {more} problem till."
        super().__init__(f"{len(self.problems)} problem hittades:\n{shown}")


_PYDANTIC_MESSAGES = {
    "missing": "obligatoriskt fält saknas",
    "string_type": "ska vara text",
    "string_too_short": "får inte vara tomt",
    "string_too_long": "är för långt (högst {max_length} tecken)",
    "string_pattern_mismatch": "har fel form",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "bool_type": "ska vara sant eller falskt",
    "list_type": "ska vara en lista",
    "tuple_type": "ska vara en lista",
    "dict_type": "ska vara en tabell med fält",
    "model_type": "ska vara en tabell med fält",
    "model_attributes_type": "ska vara en tabell med fält",
    "too_short": "har för få delar (minst {min_length})",
    "too_long": "har för många delar (högst {max_length})",
    "greater_than_equal": "ska vara minst {ge}",
    "less_than_equal": "ska vara högst {le}",
    "greater_than": "ska vara större än {gt}",
    "less_than": "ska vara mindre än {lt}",
}


def relevant_errors(exc) -> list[dict]:
    """A pydantic ValidationError's errors, without the "too short" a tuple reports when one of
    its items failed (the item's own error says what is wrong)."""
    errors = exc.errors()
    failed_parents = {tuple(e["loc"][:i]) for e in errors for i in range(len(e["loc"]))}
    return [
        e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in failed_parents)
    ]


def error_field(error: dict) -> str | None:
    """The dotted field path of a pydantic error; an unknown field is named by its parent."""
    loc = error["loc"][:-1] if error["type"] == "extra_forbidden" else error["loc"]
    return ".".join(str(part) for part in loc) or None


def swedish_message(error: dict) -> str:
    """Translate one pydantic error into a short Swedish sentence fragment.

    Our own validators raise ``ValueError`` with a Swedish text, which pydantic wraps as
    ``value_error``; that text is used as it is.
    """
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        hint = ""
        if not name.isidentifier():
            hint = " (innehåller texten ett kommatecken eller kolon? Sätt den inom citattecken)"
        return f"okänt fält ”{name}”{hint}"
    if kind == "literal_error":
        allowed = ctx.get("expected", "")
        allowed = allowed.replace("'", "").replace(" or ", ", ")
        return f"ogiltigt värde ”{error.get('input')}” (tillåtet: {allowed})"
    template = _PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return f"ogiltigt värde ({error['msg']})"
    return template.format(**ctx)
