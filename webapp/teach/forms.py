from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId


class GroupForm(FlaskForm):
    name = StringField(
        "Gruppens namn",
        description="Till exempel arbetsplatsen eller klassen: ”Solgårdens vård- och omsorgsboende”.",
        validators=[
            DataRequired("Skriv ett namn på gruppen."),
            Length(max=120, message="Namnet får vara högst 120 tecken."),
            NoPersonalId(),
        ],
    )
    submit = SubmitField("Skapa grupp")
