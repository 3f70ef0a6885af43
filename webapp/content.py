"""Loading the bundled lessons and term bank into the database.

The one place the bundled files cross into the database: each content package registers its
loader in ``LOADERS``; ``load_bundled_content`` runs them all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from webapp.extensions import db

# name → function that writes that package's bundled content and returns how many records.
LOADERS: dict[str, Callable[[], int]] = {}


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
