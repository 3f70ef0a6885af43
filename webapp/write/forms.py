"""The note form and the log-in-again form that carries an unsaved note, with Swedish messages."""

from wtforms import TextAreaField
from wtforms.validators import Length

from webapp.auth.forms import LoginForm
from webapp.forms import FlaskForm
from webapp.write.service import MAX_NOTE_CHARS

TOO_LONG = f"Anteckningen är för lång. Skriv högst {MAX_NOTE_CHARS:,} tecken.".replace(",", " ")

# What the buttons of the note form do (the button's ``value`` of ``name="action"``).
SAVE, CHECK, SUBMIT = "spara", "granska", "lamna-in"


class NoteForm(FlaskForm):
    text = TextAreaField(
        "Din anteckning", validators=[Length(max=MAX_NOTE_CHARS, message=TOO_LONG)]
    )


class ResumeForm(LoginForm):
    """Logging in again after the session ran out, with the note that was being written."""

    text = TextAreaField(
        "Din anteckning", validators=[Length(max=MAX_NOTE_CHARS, message=TOO_LONG)]
    )
