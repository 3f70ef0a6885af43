"""Loading the bundled term bank and lessons (``ordvard setup``, ``ordvard load-content``).

    .venv/bin/python benchmarks/load_content.py

Into a fresh SQLite file built by the real migrations: the time to parse and validate the
bundled files, to write them into the empty database, and to load them again (nothing
changed, so nothing is written). Prints the counts and the three times in seconds.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def main() -> None:
    from flask_migrate import upgrade

    from glossary.load import load_bundled as load_terms
    from lessons.load import load_bundled as load_lessons
    from webapp import create_app
    from webapp.content import load_bundled_content

    with tempfile.TemporaryDirectory() as folder:
        uri = f"sqlite:///{Path(folder) / 'content.db'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "benchmark"})
        with app.app_context():
            upgrade(revision="heads")
            started = time.perf_counter()
            load_lessons(load_terms().references())
            parsed = time.perf_counter()
            counts = load_bundled_content()
            written = time.perf_counter()
            load_bundled_content()
            again = time.perf_counter()
    print(f"bundled content: {counts}")
    print(f"parse and validate: {parsed - started:.1f} s")
    print(f"write into an empty database: {written - parsed:.1f} s")
    print(f"load again (unchanged, nothing written): {again - written:.1f} s")


if __name__ == "__main__":
    main()
