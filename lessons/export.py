"""A lesson written back as YAML in the lesson-file format, for the editor's export.

``parse_lesson(lesson_yaml(lesson), ...)`` gives back an equal lesson. Multi-line texts (model
answers) are written as literal blocks so a teacher can read and diff them.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from lessons.model import Draft


def _readable(value):
    if isinstance(value, dict):
        return {k: _readable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_readable(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def lesson_yaml(lesson: Draft) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(_readable(lesson.model_dump(mode="json")), out)
    return out.getvalue()
