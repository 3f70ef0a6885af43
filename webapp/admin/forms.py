from wtforms import DateField, HiddenField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from webapp.audit import ACTIONS
from webapp.forms import FlaskForm
from webapp.models import Role


class RoleForm(FlaskForm):
    user_id = HiddenField(validators=[DataRequired()])
    role = SelectField(
        "Roll",
        choices=[SelectChoice(role.value, role.label) for role in Role],
        validators=[DataRequired("Välj en roll.")],
    )
    submit = SubmitField("Spara roll")


class AuditFilterForm(FlaskForm):
    """Filters from the query string (a GET form changes nothing, so it carries no token)."""

    class Meta:
        csrf = False

    action = SelectField(
        "Händelse",
        choices=[SelectChoice("", "Alla händelser")]
        + [SelectChoice(key, label) for key, label in ACTIONS.items()],
        validators=[Optional()],
    )
    actor = StringField(
        "Vem gjorde det", description="Del av namn eller e-post.", validators=[Length(max=254)]
    )
    subject = StringField(
        "Vems konto", description="Del av namn eller e-post.", validators=[Length(max=254)]
    )
    since = DateField("Från och med", validators=[Optional()])
    until = DateField("Till och med", validators=[Optional()])
    submit = SubmitField("Visa")
