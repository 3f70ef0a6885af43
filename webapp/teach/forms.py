from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId
from webapp.names import KeepsDirection, name_filter


class GroupForm(FlaskForm):
    name = StringField(
        "Gruppens namn",
        description="Till exempel arbetsplatsen eller klassen: ”Solgårdens vård- och omsorgsboende”.",
        filters=[name_filter],
        validators=[
            DataRequired("Skriv ett namn på gruppen."),
            Length(max=120, message="Namnet får vara högst 120 tecken."),
            NoPersonalId(),
            KeepsDirection(),
        ],
    )
    submit = SubmitField("Skapa grupp")
