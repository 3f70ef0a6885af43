"""The word list (Ordlista) pages: HTTP only; the work is in ``service``."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.routing import BuildError

from glossary.load import load_areas
from glossary.model import LANGUAGE_NAMES, POS_NAMES
from glossary.problems import ContentError, counted
from webapp.access import roles_required, teachers
from webapp.extensions import db
from webapp.models import Role, Term
from webapp.review_state import STATUS_NAMES
from webapp.words import bp, service
from webapp.words.forms import ImportForm, TermForm
from webapp.words.search import search_terms

STOCKHOLM = ZoneInfo("Europe/Stockholm")
logged_in = roles_required(Role.TRAINEE, Role.TEACHER, Role.ADMIN)


@bp.get("/")
@logged_in
def index():
    query = request.args.get("q", "").strip()[:200]
    hits = search_terms(query) if query else None
    return render_template(
        "words/index.html", query=query, hits=hits, areas=service.areas_with_counts()
    )


@bp.get("/omrade/<area>")
@logged_in
def area(area: str):
    name = load_areas().get(area) or abort(404)
    lang = request.args.get("sprak", "") if request.args.get("sprak") in LANGUAGE_NAMES else ""
    status = request.args.get("granskning", "")
    status = status if status in STATUS_NAMES else ""
    terms = service.terms_in_area(area, lang, status)
    return render_template(
        "words/area.html",
        name=name,
        terms=terms,
        lang=lang,
        status=status,
        status_names=STATUS_NAMES,
    )


@bp.get("/<int:term_id>")
@logged_in
def term(term_id: int):
    page = service.term_page(term_id, current_user) or abort(404)
    return render_template("words/term.html", page=page, areas=load_areas())


def _term_form(term: Term | None):
    form = TermForm()
    if form.validate_on_submit():
        try:
            saved = service.save_from_form(form.entry(), current_user, term, form.version.data)
        except ContentError as exc:
            form.show_problems(exc.problems)
        else:
            flash(f"Termen ”{saved.lemma}” är sparad.", "success")
            return redirect(url_for("words.term", term_id=saved.id))
    elif term is not None and request.method == "GET":
        form = TermForm(data={**TermForm.data_of(service.record_of(term)), "version": term.version})
    status = 400 if request.method == "POST" else 200
    return render_template("words/edit.html", form=form, term=term), status


@bp.route("/ny", methods=["GET", "POST"])
@teachers
def new_term():
    return _term_form(None)


@bp.route("/<int:term_id>/andra", methods=["GET", "POST"])
@teachers
def edit_term(term_id: int):
    return _term_form(db.session.get(Term, term_id) or abort(404))


@bp.route("/importera", methods=["GET", "POST"])
@teachers
def import_terms():
    form, problems = ImportForm(), []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            result = service.import_file(upload.filename or "", upload.read(), current_user)
        except ContentError as exc:
            problems = exc.problems
        else:
            flash(f"{counted(result.count, 'term är inläst', 'termer är inlästa')}.", "success")
            if result.unconfirmed_reviews:
                marked = counted(
                    result.unconfirmed_reviews,
                    "översättning var markerad som granskad i filen men sparades som ej granskad:"
                    " bara en granskare kan granska den",
                    "översättningar var markerade som granskade i filen men sparades som ej"
                    " granskade: bara en granskare kan granska dem",
                )
                flash(
                    f"{marked} här i Ordvård.",
                    "error",
                )
            return redirect(url_for("words.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("words/import.html", form=form, problems=problems), status


@bp.get("/export.<any(csv, json):kind>")
@teachers
def export(kind: str):
    data, mimetype = service.export_file(kind)
    disposition = f'attachment; filename="ordvard-termer.{kind}"'
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": disposition})


@bp.context_processor
def _word_list_names() -> dict:
    return {
        "pos_names": POS_NAMES,
        "language_names": LANGUAGE_NAMES,
        "swedish_time": swedish_time,
        "review_status_names": STATUS_NAMES,
        "lesson_url": _lesson_url if "learn.lesson" in current_app.view_functions else None,
    }


def swedish_time(moment) -> str:
    """A stored UTC time as Swedes read it: ``2026-11-25 kl. 14.05`` in Swedish local time."""
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d kl. %H.%M")


def _lesson_url(lesson) -> str | None:
    try:
        return url_for("learn.lesson", slug=lesson.slug)
    except BuildError:
        return None
