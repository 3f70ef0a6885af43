"""The teacher's lesson form, and the import form.

The lesson form has no rules of its own: its fields become a dict in the lesson-file shape and
the ``lessons`` package validates it exactly as it validates a file, so the editor and an
import can never disagree. The Swedish problems come back onto the fields they name.

Steps, dialogue lines and exercises are lists a teacher grows, shrinks and reorders with
submit buttons (``action=add-steps``, ``up-steps-2`` …), so it all works without JavaScript.
"""

from __future__ import annotations

import re

from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import AnyOf

from glossary.load import load_areas
from glossary.problems import Problem
from lessons.model import SPEAKERS, Drills
from webapp.choices import select_choices
from webapp.forms import FlaskForm

LEVELS = [("A2", "A2"), ("B1", "B1"), ("B2", "B2")]
STATUSES = [
    ("draft", "Utkast – syns bara för lärare"),
    ("published", "Publicerad – syns för deltagarna"),
]
EXERCISE_FORMS = [("free", "Fri anteckning"), ("sbar", "SBAR-rapport")]
LISTS = ("steps", "lines", "exercises")  # the lists a teacher can add to, remove from, reorder
# A lesson-file list → (the anchor of its fieldset, its legend, what one entry is called)
LIST_PARTS = {
    "procedure": ("steg", "Steg i vårdmomentet", "Steg"),
    "dialogue": ("samtal", "Samtal", "Replik"),
    "exercises": ("ovningar", "Dokumentationsövningar", "Övning"),
}
_ACTION = re.compile(r"^(add|remove|up|down)-(steps|lines|exercises)(?:-(\d+))?$")
_RUBRIC_LINE = re.compile(r"^\s*(\S+)\s*\|\s*(.*)$")


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _terms(text: str | None) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", text or "") if part.strip()]


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] + ("" if message.endswith((".", ")")) else ".")


class StepForm(Form):
    text = TextAreaField(
        "Text",
        description="Skriv i uppmaningsform. Markera termer så här: [manschetten|manschett] eller [puls].",
        render_kw={"data-markup": ""},
    )
    hygiene = StringField("Om hygien (valfritt)")
    safety = StringField("Om säkerhet (valfritt)")


class LineForm(Form):
    speaker = SelectField(
        "Vem säger det",
        choices=select_choices((s, s.capitalize()) for s in SPEAKERS),
        validate_choice=False,
    )
    text = StringField("Repliken")


class ExerciseForm(Form):
    id = HiddenField()
    form_type = SelectField("Form", choices=select_choices(EXERCISE_FORMS), validate_choice=False)
    situation = TextAreaField("Situationen som deltagaren ska dokumentera")
    required_terms = StringField(
        "Termer som ska finnas med", description="3–6 termer ur termbanken, skilj med kommatecken."
    )
    model_answer = TextAreaField("Exempelsvar")
    rubric = TextAreaField(
        "Bedömning",
        description="3–6 kriterier, ett per rad: poäng | kriterium. Till exempel: 2 | Anteckningen anger tid och värden.",
    )


class LessonForm(FlaskForm):
    title = StringField("Rubrik")
    area = SelectField("Område", validate_choice=False)
    level = SelectField("Nivå", choices=select_choices(LEVELS), validate_choice=False)
    goals = TextAreaField("Lärandemål", description="2–5 mål, ett per rad. Börja med ”Du kan …”.")
    steps = FieldList(FormField(StepForm), min_entries=1)
    lines = FieldList(FormField(LineForm))
    words = TextAreaField(
        "Ordlista", description="Lektionens termer ur termbanken, skilj med kommatecken."
    )
    new_per_day = StringField("Nya ord per dag i övningarna", default="10")
    threshold = StringField(
        "Andel ord som ska vara klara innan kortet kan signeras (procent)",
        default="80",
        description="Hur stor del av lektionens ord deltagaren ska ha klara innan kortet kan signeras.",
    )
    mastery_days = StringField(
        "Ett ord är klart när deltagaren troligen minns det om … dagar",
        default="7",
        description="7 dagar passar en kurs på några veckor: två rätta svar med ett par dagars mellanrum räcker. 21 dagar tar minst två veckor.",
    )
    exercises = FieldList(FormField(ExerciseForm), min_entries=1)
    competence = TextAreaField(
        "Kompetenskort", description="3–6 färdigheter som handledaren skriver under, en per rad."
    )
    status = RadioField(
        "Status",
        choices=select_choices(STATUSES),
        default="draft",
        # a forged value ("archived") would save a lesson nobody can publish or see
        validators=[
            AnyOf([value for value, _ in STATUSES], message="Välj Utkast eller Publicerad.")
        ],
        validate_choice=False,  # AnyOf says it in Swedish
    )
    shared = BooleanField("Andra lärare i organisationen får ändra lektionen", default=True)
    version = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.area.choices = select_choices(load_areas().items())
        self.summary: list[tuple[str, str]] = []  # (anchor, "where: what") atop the form

    def document(self, lesson_id: str, drills: dict | None = None) -> dict:
        """The submitted lesson in the lesson-file shape, for the ``lessons`` validator."""
        return {
            "id": lesson_id,
            "title": self.title.data or "",
            "area": self.area.data,
            "level": self.level.data,
            "goals": _lines(self.goals.data),
            "procedure": [
                {
                    "text": step.form.text.data or "",
                    "hygiene": (step.form.hygiene.data or "").strip() or None,
                    "safety": (step.form.safety.data or "").strip() or None,
                }
                for step in self.steps
            ],
            "dialogue": [
                {"speaker": line.form.speaker.data, "text": line.form.text.data or ""}
                for line in self.lines
            ],
            "words": _terms(self.words.data),
            "drills": {
                **(drills or {}),
                "new_per_day": (self.new_per_day.data or "").strip(),
                "threshold": _share(self.threshold.data),
                "mastery_days": (self.mastery_days.data or "").strip(),
            },
            "exercises": [
                _exercise(entry.form, f"{lesson_id}-ovning-{number}")
                for number, entry in enumerate(self.exercises, start=1)
            ],
            "competence": _lines(self.competence.data),
        }

    @classmethod
    def data_of(cls, record: dict, status: str, shared: bool, version: int) -> dict:
        """Field values that show a stored lesson (the lesson-file dict) in the form."""
        drills = Drills.model_validate(record.get("drills", {}))
        return {
            "title": record["title"],
            "area": record["area"],
            "level": record["level"],
            "goals": "\n".join(record["goals"]),
            "steps": [
                {
                    "text": s["text"],
                    "hygiene": s.get("hygiene") or "",
                    "safety": s.get("safety") or "",
                }
                for s in record["procedure"]
            ],
            "lines": list(record.get("dialogue", [])),
            "words": ", ".join(record.get("words", [])),
            "new_per_day": str(drills.new_per_day),
            "threshold": f"{drills.threshold * 100:g}",
            "mastery_days": str(drills.mastery_days),
            "exercises": [
                {
                    **{k: e[k] for k in ("id", "situation", "model_answer")},
                    "form_type": e["form"],
                    "required_terms": ", ".join(e["required_terms"]),
                    "rubric": "\n".join(f"{c['points']} | {c['criterion']}" for c in e["rubric"]),
                }
                for e in record["exercises"]
            ],
            "competence": "\n".join(record.get("competence", [])),
            "status": status,
            "shared": shared,
            "version": str(version),
        }

    def apply_list_action(self, action: str) -> dict | None:
        """The form's data after an add/remove/move button, or None if ``action`` is not one."""
        match = _ACTION.match(action or "")
        if match is None:
            return None
        verb, name, index = match.group(1), match.group(2), int(match.group(3) or 0)
        data = self.data
        entries = list(data[name])
        if verb == "add":
            entries.append({})
        elif verb == "remove" and 0 <= index < len(entries):
            entries.pop(index)
        elif verb in ("up", "down"):
            other = index - 1 if verb == "up" else index + 1
            if 0 <= index < len(entries) and 0 <= other < len(entries):
                entries[index], entries[other] = entries[other], entries[index]
        data[name] = entries
        return data

    def focus_new_entry(self, action: str) -> None:
        """After "Lägg till …" the new entry's first field has the focus, so the page opens
        where the teacher is working (without JavaScript too)."""
        match = _ACTION.match(action or "")
        if match is None or match.group(1) != "add" or not self[match.group(2)].entries:
            return
        entry = self[match.group(2)].entries[-1].form
        first = {"steps": "text", "lines": "speaker", "exercises": "form_type"}[match.group(2)]
        entry[first].render_kw = {**(entry[first].render_kw or {}), "autofocus": True}

    def show_problems(self, problems: list[Problem]) -> None:
        """Put each problem under the field it names, and every problem in :attr:`summary`
        (shown atop the form), linked to its field or, for a whole list, to the list."""
        for problem in problems:
            path = problem.field or ""
            target, row = self._field_for(path)
            message = _sentence(problem.message)
            if target is self.threshold:
                message = "Skriv en procentsats från 0 till 100, till exempel 80."
            if row is not None:
                message = f"Rad {row + 1}: {message}"
            if target is not None:
                target.errors = [*target.errors, message]
                self.summary.append((target.id, f"{self._place(path, target)}: {message}"))
                continue
            part = LIST_PARTS.get(path.split(".")[0])
            self.summary.append((part[0], f"{part[1]}: {message}") if part else ("", message))

    @staticmethod
    def _place(path: str, target) -> str:
        """Where a field is, as the teacher sees it: "Steg 2, Text" or "Rubrik"."""
        parts = path.split(".")
        if parts[0] in LIST_PARTS and len(parts) > 1 and parts[1].isdigit():
            return f"{LIST_PARTS[parts[0]][2]} {int(parts[1]) + 1}, {target.label.text}"
        return target.label.text

    def _field_for(self, path: str):
        """The form field a problem's dotted path points at, and the row inside it if any."""
        parts = path.split(".") if path else []
        top = {"procedure": self.steps, "dialogue": self.lines, "exercises": self.exercises}
        if len(parts) >= 3 and parts[0] in top and parts[1].isdigit():
            entries = top[parts[0]].entries
            index = int(parts[1])
            if index < len(entries):
                sub = entries[index].form
                name = "form_type" if parts[2] == "form" else parts[2]
                row = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else None
                return sub._fields.get(name), row
        if parts and parts[0] in top:
            return None, None
        if parts[:1] == ["drills"]:
            parts = parts[1:] if len(parts) > 1 and parts[1] in self else ["new_per_day"]
        names = {"id": "title"}
        name = names.get(parts[0], parts[0]) if parts else None
        row = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        return (self[name] if name and name in self else None), row


def _share(percent: str | None) -> float | str:
    """A percentage as typed ("80", "80 %") → 0.8; anything else as typed, for the validator
    to name."""
    text = (percent or "").strip().rstrip("%").strip().replace(",", ".")
    try:
        return float(text) / 100
    except ValueError:
        return text


def _exercise(form: ExerciseForm, default_id: str) -> dict:
    rubric = []
    for line in _lines(form.rubric.data):
        match = _RUBRIC_LINE.match(line)
        points, criterion = (match.group(1), match.group(2)) if match else ("", line)
        rubric.append({"criterion": criterion.strip(), "points": points})
    return {
        "id": (form.id.data or "").strip() or default_id,
        "form": form.form_type.data,
        "situation": form.situation.data or "",
        "required_terms": _terms(form.required_terms.data),
        "model_answer": form.model_answer.data or "",
        "rubric": rubric,
    }


class ImportForm(FlaskForm):
    file = FileField("YAML-fil med lektionen")
    text = TextAreaField("… eller klistra in lektionens YAML här")


class ConfirmForm(FlaskForm):
    """A button-only form (restore, assign): just the CSRF token."""
