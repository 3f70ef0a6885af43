"""The base of every form on the site: Flask-WTF's ``FlaskForm`` plus the site-wide input rule.

A form field whose submitted text held characters no database column can store (NUL, lone
surrogates) arrives here already cleaned by ``webapp.input_guard``; this form then fails
validation on that field with a Swedish message, so the route re-renders the page with the
cleaned text in the field (nothing typed is lost) and the guard answers 400.
``tests/webapp/test_input_guard.py`` checks that every form in ``webapp`` derives from it.
"""

from __future__ import annotations

from flask import g
from flask_wtf import FlaskForm as _FlaskForm
from wtforms import FieldList, FormField

UNSTORABLE_MESSAGE = (
    "Texten innehöll tecken som inte kan sparas (till exempel osynliga styrtecken). Vi har "
    "tagit bort dem. Läs igenom texten och skicka igen."
)


class FlaskForm(_FlaskForm):
    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators=extra_validators)
        bad = g.get("unstorable_fields") or ()
        for field in _leaf_fields(self) if bad else ():
            if field.name in bad:
                field.errors = [*field.errors, UNSTORABLE_MESSAGE]
                valid = False
        return valid


def _leaf_fields(form):
    """Every input field of ``form``, inside field lists and sub-forms too."""
    for field in form:
        if isinstance(field, FieldList):
            for entry in field:
                yield from _leaf_fields(entry.form) if isinstance(entry, FormField) else [entry]
        elif isinstance(field, FormField):
            yield from _leaf_fields(field.form)
        else:
            yield field
