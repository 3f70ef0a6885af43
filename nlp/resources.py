"""Reading the rule data files under ``nlp/data/`` (plain text and YAML a teacher can edit)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

# libyaml's C loader reads the rule files in ~15 ms; pure-Python YAML took ~0.5 s of a cold start
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA = Path(__file__).parent / "data"


@cache
def word_list(name: str) -> frozenset[str]:
    """The non-empty, non-comment lines of ``data/<name>.txt``, lower-cased."""
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def endings(name: str) -> tuple:
    """A list from ``data/morphology.yaml`` as a tuple (``str.endswith`` takes tuples)."""
    return tuple(yaml_data("morphology")[name])


def message(key: str, **values) -> str:
    """The plain-Swedish message ``key`` of ``data/messages.yaml`` with its placeholders filled."""
    return " ".join(yaml_data("messages")[key].split()).format(**values)


@cache
def yaml_data(name: str):
    """The parsed ``data/<name>.yaml``."""
    return yaml.load((DATA / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
