"""The content packages stay plain Python: glossary imports neither nlp nor webapp, and
lessons imports glossary but not webapp or nlp (so a CLI or a worker can use them alone)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "glossary.model",
    "glossary.load",
    "glossary.exchange",
    "glossary.lexicon",
    "glossary.search",
    "glossary.audio",
    "glossary.spellcheck",
    "lessons.model",
    "lessons.load",
    "lessons.crosscheck",
    "lessons.export",
]


def test_content_packages_do_not_import_the_web_layer_or_the_checker():
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'nlp', 'webapp', 'flask'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
