from wtforms import Field, HiddenField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from webapp.drills.scheduling import MAX_RETENTION, MIN_RETENTION
from webapp.forms import FlaskForm


class WholeNumberField(IntegerField):
    """An integer field whose "not a number" message is Swedish."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Skriv ett heltal, till exempel 90.") from error


class OrderField(Field):
    """The parts of a word-order item in the order chosen: one ``order`` value per place (a
    select each without JavaScript), each a part's number, or None for a place left empty.
    Whether the order is complete is the service's to judge and explain."""

    def process_formdata(self, valuelist):
        self.data = [
            int(value) if value.isdigit() and len(value) < 3 else None for value in valuelist[:12]
        ]

    def _value(self):
        return ""


class AnswerForm(FlaskForm):
    """One answer. Length and personnummer are judged by the service, which keeps the item,
    explains in the drill's own page and puts the typed answer back."""

    token = HiddenField(validators=[DataRequired("Frågan saknas. Ladda om sidan.")])
    answer = StringField("Ditt svar")
    rating = WholeNumberField(validators=[Optional()])
    give_up = HiddenField()
    done = WholeNumberField(validators=[Optional()])
    lesson = HiddenField()
    order = OrderField()


class SettingsForm(FlaskForm):
    retention = WholeNumberField(
        "Mål för hur mycket deltagarna minns (procent)",
        description=(
            f"Mellan {round(MIN_RETENTION * 100)} och {round(MAX_RETENTION * 100)}. Högre mål betyder "
            "att orden kommer tillbaka oftare. 90 är ett bra val."
        ),
        validators=[
            InputRequired("Skriv ett mål i procent, till exempel 90."),
            NumberRange(
                round(MIN_RETENTION * 100),
                round(MAX_RETENTION * 100),
                f"Målet ska vara mellan {round(MIN_RETENTION * 100)} och {round(MAX_RETENTION * 100)} procent.",
            ),
        ],
    )
    new_per_day = WholeNumberField(
        "Nya ord per dag och lektion",
        description="Lämna tomt för att följa varje lektions eget antal.",
        validators=[
            Optional(),
            NumberRange(1, 100, "Skriv ett tal mellan 1 och 100, eller lämna tomt."),
        ],
    )
    submit = SubmitField("Spara inställningarna")
