"""The profile page's forms: one per thing a person changes, each with its own button."""

from wtforms import PasswordField, SubmitField
from wtforms.validators import DataRequired

from webapp.auth.forms import (
    confirm_password_field,
    display_name_field,
    email_field,
    help_language_field,
    new_password_field,
)
from webapp.forms import FlaskForm


def current_password_field() -> PasswordField:
    return PasswordField(
        "Ditt nuvarande lösenord",
        validators=[DataRequired("Skriv ditt nuvarande lösenord.")],
    )


class ProfileForm(FlaskForm):
    display_name = display_name_field()
    l1 = help_language_field()
    submit = SubmitField("Spara namn och språk")


class PasswordForm(FlaskForm):
    current = current_password_field()
    password = new_password_field("Nytt lösenord")
    confirm = confirm_password_field()
    submit = SubmitField("Byt lösenord")


class EmailForm(FlaskForm):
    email = email_field("Ny e-postadress")
    current = current_password_field()
    submit = SubmitField("Byt e-postadress")


class ConfirmForm(FlaskForm):
    submit = SubmitField("Bekräfta")


class EraseForm(FlaskForm):
    current = current_password_field()
    submit = SubmitField("Radera mitt konto")
