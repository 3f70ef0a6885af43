"""Granskning pages: HTTP only; the work is in ``service``, ``reviewers`` and ``progress``."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from glossary.load import load_areas
from glossary.model import LANGUAGES, POS_NAMES
from webapp import names
from webapp.access import admins, teachers
from webapp.content_review import bp, reviewers, service
from webapp.content_review.forms import LessonDecisionForm, ScopesForm, TranslationDecisionForm
from webapp.content_review.progress import review_progress
from webapp.review_state import CARE, DRAFT, SCOPE_NAMES, SCOPES, STATUS_NAMES

CHANGED = "Texten har ändrats sedan du öppnade sidan. Läs den nya versionen och bedöm igen."


def _scope_or_403(scope: str) -> None:
    if scope not in SCOPES:
        abort(404)
    if not reviewers.may_review(current_user, scope):
        abort(403)


def _status_filter() -> str:
    status = request.args.get("status", DRAFT)
    return status if status in service.STATUS_FILTERS else DRAFT


@bp.get("/")
@teachers
def index():
    return render_template(
        "content_review/index.html",
        scopes=sorted(reviewers.scopes_of(current_user), key=SCOPES.index),
    )


def _language_or_404(lang: str) -> None:
    if lang not in LANGUAGES:
        abort(404)
    _scope_or_403(lang)


def _queue(lang: str, refused: tuple[int, TranslationDecisionForm, str] | None = None):
    """The queue page (filters from the query string); ``refused`` is (term id, the submitted
    form, why) of a decision that was not saved: that item shows the form as typed."""
    status, area = _status_filter(), request.args.get("omrade", "")
    areas = load_areas()
    page = max(1, request.args.get("sida", 1, type=int) or 1)
    shown, total = service.translation_items(lang, status, area if area in areas else "", page)
    forms = {
        item.term_id: TranslationDecisionForm(
            prefix=f"t{item.term_id}", formdata=None, data={"seen_text": item.text}
        )
        for item in shown
    }
    for item in shown:
        if refused is not None and item.term_id == refused[0]:
            refused[1].seen_text.data = item.text  # the text now shown is the one judged next
            forms[item.term_id] = refused[1]
    return render_template(
        "content_review/translations.html",
        lang=lang,
        status=status,
        area=area,
        areas=areas,
        items=shown,
        total=total,
        page=page,
        page_size=service.PAGE_SIZE,
        forms=forms,
        refused=refused,
    ), 200 if refused is None else 400


@bp.get("/oversattningar/<lang>")
@teachers
def translations(lang: str):
    _language_or_404(lang)
    return _queue(lang)


@bp.post("/oversattningar/<lang>/<int:term_id>")
@teachers
def review_translation(lang: str, term_id: int):
    _language_or_404(lang)
    form = TranslationDecisionForm(prefix=f"t{term_id}")
    if not form.validate_on_submit():
        return _queue(lang, (term_id, form, "Rätta det som är markerat."))
    try:
        term = service.review_translation(
            current_user,
            term_id,
            lang,
            form.decision.data,
            form.comment.data or "",
            form.seen_text.data or "",
        )
    except service.ChangedMeanwhile:
        return _queue(lang, (term_id, form, CHANGED))
    if term is None:
        abort(404)
    flash(f"”{term.lemma}”: {STATUS_NAMES[form.decision.data]}.", "success")
    return redirect(
        url_for(
            "content_review.translations",
            lang=lang,
            status=request.args.get("status", DRAFT),
            omrade=request.args.get("omrade", ""),
            sida=request.args.get("sida", 1),
        )
    )


@bp.get("/lektioner")
@teachers
def lessons():
    _scope_or_403(CARE)
    status = _status_filter()
    return render_template(
        "content_review/lessons.html",
        items=service.lesson_items(status),
        status=status,
        areas=load_areas(),
    )


@bp.route("/lektioner/<slug>", methods=["GET", "POST"])
@teachers
def lesson(slug: str):
    _scope_or_403(CARE)
    found = service.lesson_under_review(slug) or abort(404)
    form = LessonDecisionForm(data={"version": found.lesson.version})
    if form.validate_on_submit():
        version = int(form.version.data) if (form.version.data or "").isdigit() else -1
        try:
            service.review_lesson(
                current_user, slug, version, form.decision.data, form.comment.data or ""
            )
        except service.ChangedMeanwhile:
            form.form_errors.append(CHANGED)
        else:
            flash(f"”{found.lesson.title}”: {STATUS_NAMES[form.decision.data]}.", "success")
            return redirect(url_for("content_review.lessons"))
        found = service.lesson_under_review(slug) or abort(404)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "content_review/lesson.html", found=found, form=form, areas=load_areas()
    ), status


@bp.get("/granskare")
@admins
def reviewer_list():
    return render_template(
        "content_review/reviewers.html",
        candidates=reviewers.candidates(),
        form=ScopesForm(),
    )


@bp.post("/granskare/<int:user_id>")
@admins
def set_scopes(user_id: int):
    form = ScopesForm()
    if not form.validate_on_submit():
        flash("Uppdragen kunde inte sparas: formuläret var ofullständigt.", "error")
        return redirect(url_for("content_review.reviewer_list"))
    user = reviewers.set_scopes(current_user, user_id, form.scopes.data or []) or abort(404)
    flash(
        Markup("Granskaruppdragen för {} är sparade.").format(names.name(user.display_name)),
        "success",
    )
    return redirect(url_for("content_review.reviewer_list"))


@bp.get("/framsteg")
@admins
def progress():
    return render_template(
        "content_review/progress.html", progress=review_progress(), languages=LANGUAGES
    )


@bp.app_template_filter("swedish_number")
def swedish_number(number: int) -> str:
    """1422 → "1 422" (a no-break space between thousands, as Swedish writes numbers)."""
    return f"{number:,}".replace(",", "\u00a0")


@bp.context_processor
def _names() -> dict:
    return {
        "scope_names": SCOPE_NAMES,
        "status_names": STATUS_NAMES,
        "status_filters": service.STATUS_FILTERS,
        "pos_names": POS_NAMES,
    }
