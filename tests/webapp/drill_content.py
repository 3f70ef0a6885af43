"""One bundled lesson and the terms it needs, loaded fast: the whole bank takes seconds per
test, one lesson's words a fraction of that. Parsed files are cached for the session."""

from __future__ import annotations

from functools import cache

from glossary.load import check_bundled
from lessons.load import load_bundled as load_lessons
from webapp.extensions import db
from webapp.learn.store import save_lesson
from webapp.words.store import save_term


@cache
def _bundle():
    records, problems = check_bundled()
    assert not problems
    from glossary.load import load_bundled

    return tuple(records), {
        lesson.id: lesson for lesson in load_lessons(load_bundled().references())
    }


def load_lesson(slug: str = "puls-och-blodtryck"):
    """Save the lesson (published), the terms it refers to and the other terms of its area."""
    records, lessons = _bundle()
    lesson = lessons[slug]
    wanted = {ref.split("#")[0] for _, ref in lesson.term_references()} | set(lesson.words)
    for record in records:
        if record.lemma in wanted or record.area == lesson.area:
            save_term(record, source="bundled")
    saved = save_lesson(lesson, source="bundled", status="published")
    db.session.commit()
    return saved
