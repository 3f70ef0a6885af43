from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class GroupForm(FlaskForm):
    name = StringField(
        "Gruppens namn",
        description="Till exempel arbetsplatsen eller klassen: ”Solgårdens vård- och omsorgsboende”.",
        validators=[
            DataRequired("Skriv ett namn på gruppen."),
            Length(max=120, message="Namnet får vara högst 120 tecken."),
        ],
    )
    submit = SubmitField("Skapa grupp")
