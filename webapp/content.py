"""Loading the bundled term bank and lessons into the database.

The one place the bundled files cross into the database, in dependency order (lessons refer
to terms), all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from webapp.extensions import db
from webapp.learn.store import load_bundled_lessons
from webapp.words.store import load_bundled_terms

# name → function that writes that content and returns how many records it holds.
LOADERS: dict[str, Callable[[], int]] = {
    "termer": load_bundled_terms,
    "lektioner": load_bundled_lessons,
}


def load_bundled_content() -> dict[str, int]:
    """Load every registered package's content; all of it is saved, or none."""
    counts = {}
    try:
        for name, loader in LOADERS.items():
            counts[name] = loader()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return counts
