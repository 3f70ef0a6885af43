"""Signing and revoking a competence card, with Swedish messages."""

from wtforms import SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId


class SignForm(FlaskForm):
    criteria = SelectMultipleField(
        "Moment du har sett deltagaren utföra i praktiken",
        coerce=int,
        choices=[],
        validators=[DataRequired("Välj minst ett moment som du har sett i praktiken.")],
    )
    workplace = StringField(
        "Arbetsplats",
        description="Där du såg deltagaren utföra momenten, till exempel Solgårdens äldreboende.",
        validators=[
            DataRequired("Skriv arbetsplatsen."),
            Length(max=200, message="Skriv högst 200 tecken."),
            NoPersonalId(),
        ],
    )


class RevokeForm(FlaskForm):
    reason = TextAreaField(
        "Skäl till att kortet återkallas",
        validators=[
            DataRequired("Skriv ett skäl."),
            Length(max=1000, message="Skriv högst 1000 tecken."),
            NoPersonalId(),
        ],
    )
