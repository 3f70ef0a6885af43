"""The review forms, with Swedish messages. The verdict form has one score field per rubric
criterion, so it is made for the exercise at hand."""

from __future__ import annotations

from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from lessons.model import Criterion
from webapp.drills.forms import WholeNumberField
from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId

VERDICT_CHOICES = [
    SelectChoice("approved", "Godkänd"),
    SelectChoice("revise", "Skriv om (tillbaka till deltagaren)"),
]
MAX_COMMENT = 2000


class VerdictForm(FlaskForm):
    verdict = RadioField(
        "Bedömning",
        choices=VERDICT_CHOICES,
        validators=[InputRequired("Välj Godkänd eller Skriv om.")],
    )
    comment = TextAreaField(
        "Kommentar till deltagaren (valfri)",
        validators=[
            Length(max=MAX_COMMENT, message=f"Skriv högst {MAX_COMMENT} tecken."),
            NoPersonalId(),
        ],
    )

    def score_fields(self) -> list:
        return [field for name, field in self._fields.items() if name.startswith("score_")]

    def scores(self) -> dict[int, int]:
        return {
            int(f.name.removeprefix("score_")): f.data
            for f in self.score_fields()
            if f.data is not None
        }


def verdict_form(rubric: tuple[Criterion, ...], **kwargs) -> VerdictForm:
    """A verdict form with a points field (0 to the criterion's maximum) per rubric criterion."""

    class ExerciseVerdictForm(VerdictForm):
        pass

    for index, criterion in enumerate(rubric):
        message = f"Ge 0–{criterion.points} poäng."
        field = WholeNumberField(
            f"{criterion.criterion} (0–{criterion.points} poäng)",
            validators=[Optional(), NumberRange(min=0, max=criterion.points, message=message)],
        )
        setattr(ExerciseVerdictForm, f"score_{index}", field)
    return ExerciseVerdictForm(**kwargs)


class CommentForm(FlaskForm):
    passage = SelectField("Mening i texten", choices=[], validate_choice=False)
    quote = StringField(
        "Eller ord från texten (valfritt)",
        description="Skriv av orden exakt som de står i texten. Då gäller kommentaren just dem.",
        validators=[Length(max=500, message="Skriv högst 500 tecken."), NoPersonalId()],
    )
    text = TextAreaField(
        "Kommentar",
        validators=[
            DataRequired("Skriv en kommentar."),
            Length(max=MAX_COMMENT, message=f"Skriv högst {MAX_COMMENT} tecken."),
            NoPersonalId(),
        ],
    )


class OverrideForm(FlaskForm):
    finding = WholeNumberField(validators=[InputRequired("Välj ett fynd.")])
    reason = StringField(
        validators=[Length(max=500, message="Skriv högst 500 tecken."), NoPersonalId()]
    )
