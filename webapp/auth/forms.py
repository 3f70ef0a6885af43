"""Login and registration forms, with Swedish messages."""

from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Email, EqualTo, Length

from webapp.forms import FlaskForm
from webapp.free_text import NoPersonalId
from webapp.languages import HELP_LANGUAGES
from webapp.names import KeepsDirection, name_filter

MIN_PASSWORD_LENGTH = 10


def new_password_field(label: str = "Lösenord") -> PasswordField:
    """The one rule for a new password, used wherever a person chooses one."""
    return PasswordField(
        label,
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


def confirm_password_field() -> PasswordField:
    return PasswordField(
        "Skriv lösenordet igen",
        validators=[
            DataRequired("Skriv lösenordet en gång till."),
            EqualTo("password", "Lösenorden är inte likadana."),
        ],
    )


def display_name_field() -> StringField:
    return StringField(
        "Namn",
        description="Så visas du för din lärare. Förnamn räcker.",
        filters=[name_filter],
        validators=[
            DataRequired("Skriv ditt namn."),
            Length(max=80, message="Namnet är för långt."),
            NoPersonalId(),
            KeepsDirection(),
        ],
    )


def help_language_field() -> SelectField:
    return SelectField(
        "Ditt språk för hjälp",
        description="Ord och förklaringar kan visas på det här språket.",
        choices=[
            SelectChoice(lang.code, f"{lang.swedish_name.capitalize()} – {lang.native_name}")
            for lang in HELP_LANGUAGES
        ],
        validate_choice=False,  # WTForms' own message is English; AnyOf says it in Swedish
        validators=[AnyOf([lang.code for lang in HELP_LANGUAGES], "Välj ett av språken i listan.")],
    )


def email_field(label: str = "E-postadress") -> EmailField:
    return EmailField(
        label,
        validators=[
            DataRequired("Skriv din e-postadress."),
            Email(
                "Skriv en giltig e-postadress, till exempel namn@exempel.se.",
                check_deliverability=False,
            ),
            Length(max=254, message="E-postadressen är för lång."),
        ],
    )


class LoginForm(FlaskForm):
    email = EmailField(
        "E-postadress", validators=[DataRequired("Skriv din e-postadress."), Length(max=254)]
    )
    password = PasswordField("Lösenord", validators=[DataRequired("Skriv ditt lösenord.")])
    submit = SubmitField("Logga in")


def join_code_field() -> StringField:
    return StringField(
        "Gruppkod",
        description="Koden får du av din lärare eller handledare.",
        validators=[
            DataRequired("Skriv gruppkoden."),
            Length(max=32, message="Koden är för lång."),
        ],
    )


class JoinGroupForm(FlaskForm):
    """A trainee with an account joins one more group (a new workplace or course)."""

    join_code = join_code_field()
    submit = SubmitField("Gå med i gruppen")


class RegisterForm(FlaskForm):
    join_code = join_code_field()
    display_name = display_name_field()
    email = email_field()
    l1 = help_language_field()
    password = new_password_field()
    confirm = confirm_password_field()
    submit = SubmitField("Skapa konto")


class ForgotPasswordForm(FlaskForm):
    email = email_field()
    submit = SubmitField("Skicka länk")


class NewPasswordForm(FlaskForm):
    password = new_password_field("Nytt lösenord")
    confirm = confirm_password_field()
    submit = SubmitField("Spara nytt lösenord")
