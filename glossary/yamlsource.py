"""YAML reading that remembers where every value came from.

ruamel.yaml's round-trip loader keeps the line of each mapping key and sequence item; pydantic
reports errors as a path of keys and indexes. :func:`line_at` joins the two, so a message can
say "rad 12" instead of "terms.3.forms".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from glossary.problems import ContentError, Problem


def read_yaml(text: str, source: str) -> Any:
    """Parse YAML text into ruamel's commented containers; syntax errors become a ContentError.

    Aliases to lists or mappings (``*name``) are refused: content files never need them, and
    nested aliases would let a small upload expand into gigabytes ("billion laughs").
    """
    try:
        root = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = _syntax_reason(exc)
        raise ContentError([Problem(source, f"YAML-syntaxfel: {reason}", line=line)]) from exc
    except YAMLError as exc:
        raise ContentError([Problem(source, f"YAML-syntaxfel: {exc}")]) from exc
    except RecursionError as exc:  # [[[[… thousands deep: the parser gives up
        nested = "YAML-filen har för många nivåer inuti varandra för att vara en lektion eller term"
        raise ContentError([Problem(source, nested)]) from exc
    repeated = _repeated_container(root)
    if repeated is not None:
        message = (
            "YAML-alias (*namn) till listor eller tabeller är inte tillåtna; skriv ut innehållet"
        )
        raise ContentError([Problem(source, message, line=_own_line(repeated))])
    return root


def _repeated_container(root: Any) -> Any:
    """The first list or mapping reached twice (through an alias), or None."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if id(node) in seen:
            return node
        seen.add(id(node))
        stack.extend(node.values() if isinstance(node, dict) else node)
    return None


def _syntax_reason(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    known = {
        "found character '\\t' that cannot start any token": "tabbtecken får inte användas för indrag",
        "mapping values are not allowed here": "kolon på fel plats (sätt texten inom citattecken)",
        "found undefined alias": "okänt alias",
        "could not find expected ':'": "kolon saknas efter fältnamnet",
        "found duplicate key": "samma fält finns två gånger",
        "expected <block end>": "fel indrag, eller text efter ett avslutande citattecken",
        "found unexpected end of stream": "ett citattecken eller en parentes avslutas aldrig",
        "expected ',' or '}'": "kommatecken eller ”}” saknas (sätt texten inom citattecken)",
        "expected ',' or ']'": "kommatecken eller ”]” saknas (sätt texten inom citattecken)",
    }
    for english, swedish in known.items():
        if problem.startswith(english):
            return swedish
    return f"filen går inte att läsa som YAML ({problem or exc})"


def line_at(root: Any, loc: Sequence[str | int]) -> int | None:
    """Return the 1-based line of the deepest node along ``loc`` that exists in ``root``.

    A missing field is reported at the line of the mapping that should have held it.
    """
    node = root
    line = _own_line(root)
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


def _own_line(node: Any) -> int | None:
    if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
        return node.lc.line + 1
    return None


def plain(node: Any) -> Any:
    """Convert ruamel containers and scalars into plain dicts, lists and Python scalars."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, (str, int)) else k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node
