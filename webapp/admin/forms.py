from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from webapp.models import Role


class RoleForm(FlaskForm):
    user_id = HiddenField(validators=[DataRequired()])
    role = SelectField(
        "Roll",
        choices=[SelectChoice(role.value, role.label) for role in Role],
        validators=[DataRequired("Välj en roll.")],
    )
    submit = SubmitField("Spara roll")
