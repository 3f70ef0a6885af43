"""Login and registration forms, with Swedish messages."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length

from webapp.languages import HELP_LANGUAGES

MIN_PASSWORD_LENGTH = 10


class LoginForm(FlaskForm):
    email = EmailField(
        "E-postadress", validators=[DataRequired("Skriv din e-postadress."), Length(max=254)]
    )
    password = PasswordField("Lösenord", validators=[DataRequired("Skriv ditt lösenord.")])
    submit = SubmitField("Logga in")


class RegisterForm(FlaskForm):
    join_code = StringField(
        "Gruppkod",
        description="Koden får du av din lärare eller handledare.",
        validators=[DataRequired("Skriv gruppkoden."), Length(max=32, message="Koden är för lång.")],
    )
    display_name = StringField(
        "Namn",
        description="Så visas du för din lärare. Förnamn räcker.",
        validators=[DataRequired("Skriv ditt namn."), Length(max=80, message="Namnet är för långt.")],
    )
    email = EmailField(
        "E-postadress",
        validators=[
            DataRequired("Skriv din e-postadress."),
            Email("Skriv en giltig e-postadress, till exempel namn@exempel.se.", check_deliverability=False),
            Length(max=254),
        ],
    )
    l1 = SelectField(
        "Ditt språk för hjälp",
        description="Ord och förklaringar kan visas på det här språket.",
        choices=[
            SelectChoice(lang.code, f"{lang.swedish_name.capitalize()} – {lang.native_name}")
            for lang in HELP_LANGUAGES
        ],
    )
    password = PasswordField(
        "Lösenord",
        description=f"Minst {MIN_PASSWORD_LENGTH} tecken.",
        validators=[
            DataRequired("Välj ett lösenord."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.",
            ),
        ],
    )
    confirm = PasswordField(
        "Skriv lösenordet igen",
        validators=[
            DataRequired("Skriv lösenordet en gång till."),
            EqualTo("password", "Lösenorden är inte likadana."),
        ],
    )
    submit = SubmitField("Skapa konto")
