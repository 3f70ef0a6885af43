"""The teacher's term form and the import form.

The term form has no rules of its own: its fields become a dict in the term-file shape and
``glossary.exchange.parse_term`` validates it exactly as the loader validates files, so a form
and a file can never disagree. The Swedish problems come back onto the fields they name.
"""

from __future__ import annotations

from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.widgets import CheckboxInput, ListWidget

from glossary.load import load_areas
from glossary.model import (
    ALL_FORM_KEYS,
    FORM_KEYS,
    FORM_LABELS,
    LANGUAGE_NAMES,
    LANGUAGES,
    POS_NAMES,
)
from glossary.problems import Problem
from webapp.choices import select_choices
from webapp.forms import FlaskForm

LIST_FIELDS = ("compound_forms", "synonyms", "abbreviations", "colloquial")
LIST_SEPARATOR = ","
# The form fields grouped as the page shows them: one fieldset per word class (words.js shows
# only the chosen class's fieldset; without JavaScript all are shown).
FORM_GROUPS = (
    ("Substantiv", ("noun",)),
    ("Verb", ("verb",)),
    ("Adjektiv", ("adjective",)),
    ("Adverb och fraser", ("adverb", "phrase")),
)
RTL = {"ar", "fa"}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(LIST_SEPARATOR) if part.strip()]


def _field_name(path: str) -> str:
    """The form field a problem's field path points at (``forms.sg_def`` → ``form_sg_def``)."""
    parts = path.split(".")
    if parts[0] == "forms" and len(parts) > 1:
        return f"form_{parts[1]}"
    if parts[0] == "translations" and len(parts) > 1:
        return f"tr_{parts[1]}"
    return parts[0]


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith((".", ")")) else ".")


class TermForm(FlaskForm):
    lemma = StringField("Ordet i grundform", description="Till exempel ”blodtryck” eller ”mäta”.")
    pos = SelectField("Ordklass", choices=select_choices(POS_NAMES.items()), validate_choice=False)
    gender = SelectField(
        "Genus (bara för substantiv)",
        choices=select_choices([("", "Inget (inte ett substantiv)"), ("en", "en"), ("ett", "ett")]),
        validate_choice=False,
    )
    area = SelectField("Område", validate_choice=False)
    areas = MultiCheckboxField("Fler områden (valfritt)", validate_choice=False)
    compound_forms = StringField(
        "Förled i sammansättningar",
        description="Skilj med kommatecken, till exempel ”lung-, lungs-”.",
    )
    definition = TextAreaField(
        "Förklaring på enkel svenska", description="Högst 25 ord, inga svårare ord än termen."
    )
    example = TextAreaField(
        "Exempelmening från vården", description="Meningen ska innehålla termen."
    )
    synonyms = StringField("Synonymer", description="Skilj med kommatecken.")
    abbreviations = StringField("Förkortningar", description="Till exempel ”BT”.")
    colloquial = StringField(
        "Vardagliga ord som inte hör hemma i dokumentation", description="Till exempel ”kissa”."
    )
    version = HiddenField()
    submit = SubmitField("Spara termen")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = select_choices(load_areas().items())
        self.area.choices = areas
        self.areas.choices = areas

    @property
    def form_fields(self) -> list[tuple[str, tuple[str, ...], list]]:
        """(legend, word classes, fields) per fieldset of inflection forms."""
        return [
            (title, classes, [self[f"form_{k}"] for k in FORM_KEYS[classes[0]]])
            for title, classes in FORM_GROUPS
        ]

    @property
    def translation_fields(self) -> list[tuple[str, object]]:
        return [(lang, self[f"tr_{lang}"]) for lang in LANGUAGES]

    def entry(self) -> dict:
        """The submitted term in the term-file shape (plus ``area``) for ``parse_term``."""
        pos = self.pos.data
        keys = FORM_KEYS.get(pos, ())  # fields of other word classes are not part of the term
        return {
            "lemma": self.lemma.data or "",
            "pos": pos,
            "gender": self.gender.data or None,
            "area": self.area.data,
            "areas": list(self.areas.data or []),
            "forms": {k: (self[f"form_{k}"].data or "").strip() or None for k in keys},
            "definition": self.definition.data or "",
            "example": self.example.data or "",
            **{name: _list(self[name].data) for name in LIST_FIELDS},
            # No status: only a reviewer's decision makes a translation reviewed
            # (webapp.review_state keeps the status of an unchanged text).
            "translations": {
                lang: {"text": text.data.strip()}
                for lang, text in self.translation_fields
                if (text.data or "").strip()
            },
        }

    def show_problems(self, problems: list[Problem]) -> None:
        """Put each problem under the field it names; the rest above the form."""
        for problem in problems:
            target = self._fields.get(_field_name(problem.field or ""))
            if target is not None:
                target.errors = [*target.errors, _sentence(problem.message)]
            else:
                self.form_errors.append(_sentence(problem.message))

    @classmethod
    def data_of(cls, record) -> dict:
        """Field values that show an existing record in the form."""
        data = {
            "lemma": record.lemma,
            "pos": record.pos,
            "gender": record.gender or "",
            "area": record.area,
            "areas": list(record.areas),
            "definition": record.definition,
            "example": record.example,
            **{name: f"{LIST_SEPARATOR} ".join(getattr(record, name)) for name in LIST_FIELDS},
            **{f"form_{k}": v or "" for k, v in record.forms.items()},
        }
        for lang, tr in record.translations.items():
            data[f"tr_{lang}"] = tr.text
        return data


for _key in ALL_FORM_KEYS:
    setattr(TermForm, f"form_{_key}", StringField(FORM_LABELS[_key].capitalize()))
for _lang in LANGUAGES:
    _kw = {"dir": "rtl"} if _lang in RTL else {}
    setattr(
        TermForm,
        f"tr_{_lang}",
        StringField(f"Översättning till {LANGUAGE_NAMES[_lang]}", render_kw={"lang": _lang, **_kw}),
    )


class ImportForm(FlaskForm):
    file = FileField(
        "Fil med termer (CSV eller JSON)",
        description="Allt eller inget: finns ett fel i någon rad sparas ingen term.",
        validators=[
            FileRequired("Välj en fil."),
            FileAllowed(["csv", "json"], "Filen ska vara en .csv- eller .json-fil."),
        ],
    )
    submit = SubmitField("Läs in filen")
