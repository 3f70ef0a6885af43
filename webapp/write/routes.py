"""The writing pages: HTTP only; the work is in ``service`` and ``pages``.

Nothing typed is lost when the session has run out: a note posted without a session (or with a
CSRF token from the lost session) is shown again on a log-in page that carries it, and logging
in there saves it as the draft (:func:`resume`). Nothing is exempt from CSRF: that page's form
has a fresh token.
"""

from __future__ import annotations

from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user
from flask_wtf.csrf import CSRFError

from webapp.access import trainee_only
from webapp.auth.login_budget import authenticate, login_budget
from webapp.errors import CSRF_MESSAGE, MESSAGES
from webapp.models import Role
from webapp.write import bp, pages, service
from webapp.write.forms import CHECK, SAVE, SUBMIT, NoteForm, ResumeForm

PERSONAL_DATA_MESSAGE = (
    "Anteckningen sparades inte, eftersom den innehåller något som ser ut som ett personnummer. "
    "Ta bort numret och skriv ”brukaren” eller ”patienten” i stället. Din text finns kvar nedan."
)

APPROVED_MESSAGE = "Anteckningen är redan godkänd. Du kan inte lämna in den igen."


def _resume_page(
    lesson: str, exercise: str, text: str, *, email: str = "", message=None, status=200
):
    form = ResumeForm(formdata=None, text=text, email=email)
    return render_template(
        "write/resume.html", form=form, lesson=lesson, exercise=exercise, message=message
    ), status


def keeps_unsaved_note(view):
    """A note posted after the session ended goes to the log-in-again page, not into the void."""

    @wraps(view)
    def wrapped(lesson: str, exercise: str):
        if request.method == "POST" and not current_user.is_authenticated:
            return _resume_page(lesson, exercise, request.form.get("text", ""))
        return view(lesson, exercise)

    return wrapped


@bp.errorhandler(429)
def login_budget_spent(error):
    """Too many wrong passwords (``webapp.auth.login_budget``): say so, and keep the note."""
    if request.endpoint != "write.resume":
        return render_template(
            "errors/error.html", status=429, title=MESSAGES[429][0], text=MESSAGES[429][1]
        ), 429
    args = request.view_args or {}
    return _resume_page(
        args["lesson"],
        args["exercise"],
        request.form.get("text", ""),
        email=request.form.get("email", ""),
        message=MESSAGES[429][1],
        status=429,
    )


@bp.errorhandler(CSRFError)
def stale_form(error):
    """A note posted with a token from a lost session: keep the text (see the module's doc)."""
    args = request.view_args or {}
    if request.endpoint not in ("write.exercise", "write.resume") or "text" not in request.form:
        title = MESSAGES[400][0]
        return render_template("errors/error.html", status=400, title=title, text=CSRF_MESSAGE), 400
    if not current_user.is_authenticated or request.endpoint == "write.resume":
        return _resume_page(args["lesson"], args["exercise"], request.form["text"])
    context = service.open_exercise(current_user, args["lesson"], args["exercise"])
    form = NoteForm(formdata=None, text=request.form["text"])
    message = "Formuläret hade blivit för gammalt. Din text finns kvar: tryck på knappen igen."
    return _writing(context, form, message=message, status=400)


def _writing(context, form, *, report=None, message=None, status=200):
    _, draft, note = pages.starting_text(current_user, context)
    view = (
        pages.report_view(context, form.text.data or "", report, current_user.l1)
        if report
        else None
    )
    return render_template(
        "write/exercise.html",
        context=context,
        form=form,
        draft=draft,
        note=note,
        may_submit=service.may_submit(note),
        report=view,
        message=message,
    ), status


@bp.get("/")
@trainee_only
def index():
    return render_template("write/index.html", items=pages.open_exercises(current_user))


@bp.route("/<lesson>/<exercise>", methods=["GET", "POST"])
@keeps_unsaved_note
@trainee_only
def exercise(lesson: str, exercise: str):
    context = service.open_exercise(current_user, lesson, exercise)
    if request.method == "GET":
        form = NoteForm(formdata=None, text=pages.starting_text(current_user, context)[0])
        return _writing(context, form)
    form = NoteForm()
    if not form.validate_on_submit():
        return _writing(context, form, status=400)
    return _act(context, form, request.form.get("action", SAVE))


def _act(context, form, action: str):
    """Save (and, for Granska, show the report) or submit; a personnummer stores nothing."""
    text, report = form.text.data or "", None
    try:
        if action == SUBMIT:
            version = service.submit_note(current_user, context, text)
            flash(f"Din anteckning är inlämnad (version {version.number}).", "success")
            return redirect(
                url_for("write.feedback", lesson=context.lesson.slug, exercise=context.key)
            )
        report = service.check_note(context, text) if action == CHECK else None
        service.save_draft(current_user, context, text, report=report)
    except service.PersonalDataFound as refused:
        return _writing(
            context, form, report=refused.report, message=PERSONAL_DATA_MESSAGE, status=422
        )
    except service.NoteApproved:
        return _writing(context, form, message=APPROVED_MESSAGE, status=409)
    if report is not None:
        return _writing(context, form, report=report)
    flash("Utkastet är sparat.", "success")
    return redirect(url_for("write.exercise", lesson=context.lesson.slug, exercise=context.key))


@bp.post("/<lesson>/<exercise>/logga-in")
@login_budget
def resume(lesson: str, exercise: str):
    form = ResumeForm()
    if current_user.is_authenticated:  # logged in again in another tab meanwhile
        if current_user.role is not Role.TRAINEE:
            abort(403)
        if not form.text.validate(form):
            return render_template(
                "write/resume.html", form=form, lesson=lesson, exercise=exercise
            ), 400
    else:
        user = (
            authenticate(form.email.data, form.password.data) if form.validate_on_submit() else None
        )
        if user is None:
            if form.is_submitted() and not form.errors:
                form.password.errors.append("Fel e-postadress eller lösenord.")
            return render_template("write/resume.html", form=form, lesson=lesson, exercise=exercise)
        login_user(user)
        if user.role is not Role.TRAINEE:
            return redirect(url_for("home.dashboard"))
    context = service.open_exercise(current_user, lesson, exercise)
    return _act(context, NoteForm(formdata=None, text=form.text.data or ""), SAVE)


def _version_number(name: str) -> int | None:
    return request.args.get(name, type=int)


@bp.get("/<lesson>/<exercise>/respons")
@trainee_only
def feedback(lesson: str, exercise: str):
    context = service.open_exercise(current_user, lesson, exercise)
    page = pages.feedback_page(current_user, context, _version_number("version"))
    return render_template("write/feedback.html", **page)


@bp.get("/<lesson>/<exercise>/jamfor")
@trainee_only
def compare(lesson: str, exercise: str):
    context = service.open_exercise(current_user, lesson, exercise)
    page = pages.compare_page(
        current_user, context, _version_number("fran"), _version_number("till")
    )
    return render_template("write/compare.html", **page)
