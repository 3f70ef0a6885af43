"""The reviewers' decision forms and the admin's reviewer form, with Swedish messages."""

from __future__ import annotations

from wtforms import HiddenField, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, Length
from wtforms.widgets import CheckboxInput, ListWidget

from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId
from webapp.review_state import DECISIONS, NEEDS_CHANGE, REVIEWED, SCOPE_NAMES, SCOPES

MAX_COMMENT = 1000
CHOOSE = "Välj Granskad eller Behöver ändras."


class DecisionForm(FlaskForm):
    """A reviewer's decision; a request for change must say what to change."""

    decision = RadioField(
        "Bedömning",
        choices=[
            SelectChoice(REVIEWED, "Granskad: texten stämmer"),
            SelectChoice(NEEDS_CHANGE, "Behöver ändras"),
        ],
        validators=[AnyOf(DECISIONS, message=CHOOSE)],
        validate_choice=False,  # AnyOf says it in Swedish
    )
    comment = TextAreaField(
        "Kommentar (krävs om texten behöver ändras)",
        validators=[
            Length(max=MAX_COMMENT, message=f"Skriv högst {MAX_COMMENT} tecken."),
            NoPersonalId(),
        ],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators=extra_validators)
        if self.decision.data == NEEDS_CHANGE and not (self.comment.data or "").strip():
            self.comment.errors = [*self.comment.errors, "Skriv vad som behöver ändras."]
            valid = False
        return valid


class TranslationDecisionForm(DecisionForm):
    seen_text = HiddenField()  # the translation as the reviewer read it


class LessonDecisionForm(DecisionForm):
    version = HiddenField()  # the lesson version the reviewer read


class ScopesForm(FlaskForm):
    scopes = SelectMultipleField(
        "Granskar",
        choices=[SelectChoice(scope, SCOPE_NAMES[scope]) for scope in SCOPES],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
