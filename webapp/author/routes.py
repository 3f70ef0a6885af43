"""The teacher's lesson pages: HTTP only; the work is in ``service``."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from glossary.load import load_areas
from glossary.problems import ContentError, Problem, counted
from lessons.load import MAX_LESSON_BYTES
from webapp import names
from webapp.access import teachers
from webapp.author import bp, service
from webapp.author.forms import ConfirmForm, ImportForm, LessonForm
from webapp.extensions import csrf
from webapp.learn import service as learn_service
from webapp.learn.routes import lesson_body
from webapp.learn.store import StaleEdit
from webapp.models import Lesson
from webapp.review_state import STATUS_NAMES
from webapp.words.routes import swedish_time
from webapp.words.search import search_terms

UPLOAD_ROOM = 64_000  # form fields and multipart headers around the lesson itself


def _lesson(slug: str, *, edit: bool = True) -> Lesson:
    """The lesson, or 404; 403 when the teacher may not edit (or, for drafts, see) it."""
    lesson = learn_service.find_lesson(slug) or abort(404)
    allowed = service.may_edit if edit else service.may_view
    if not allowed(lesson, current_user):
        abort(403)
    return lesson


@bp.get("/")
@teachers
def index():
    status = request.args.get("granskning", "")
    status = status if status in STATUS_NAMES else ""
    return render_template(
        "author/index.html",
        rows=service.lessons_for(current_user, status),
        status=status,
        status_names=STATUS_NAMES,
        area_names=load_areas(),
    )


def _save(form: LessonForm, lesson: Lesson | None, action: str):
    """Save the editor's lesson: a redirect, or None with the problems put on the form."""
    slug = lesson.slug if lesson else service.slug_for(form.title.data or "")
    seen = request.form.get("seen_version") if action == "overwrite" else form.version.data
    document = form.document(slug, lesson.body.get("drills") if lesson else None)
    saved = service.save_from_editor(
        document,
        current_user,
        lesson=lesson,
        status=form.status.data,
        shared=form.shared.data,
        expected_version=int(seen) if seen and seen.isdigit() else None,
    )
    flash(f"Lektionen ”{saved.title}” är sparad (version {saved.version}).", "success")
    if saved.status != "published" and (left := service.left_to_publish(document)):
        flash(
            f"Utkastet har {counted(left, 'sak', 'saker')} kvar att göra innan det kan "
            "publiceras. Välj ”Publicerad” och spara, så visas en lista med länkar.",
            "info",
        )
    return redirect(url_for("author.edit", slug=saved.slug))


def _editor(lesson: Lesson | None):
    form, stale, status = LessonForm(), None, 200
    if request.method == "POST":
        action = request.form.get("action", "save")
        moved = form.apply_list_action(action)
        if moved is not None:
            form = LessonForm(formdata=None, data=moved)
            form.focus_new_entry(action)
        elif form.validate():
            try:
                return _save(form, lesson, action)
            except ContentError as exc:
                form.show_problems(exc.problems)
                status = 400
            except StaleEdit:
                stale, status = service.latest_edit(lesson), 409
        else:
            status = 400
    elif lesson is not None:
        data = LessonForm.data_of(lesson.body, lesson.status, lesson.shared, lesson.version)
        form = LessonForm(formdata=None, data=data)
    return render_template("author/edit.html", form=form, lesson=lesson, stale=stale), status


@bp.route("/ny", methods=["GET", "POST"])
@teachers
def new():
    return _editor(None)


@bp.route("/<slug>/andra", methods=["GET", "POST"])
@teachers
def edit(slug: str):
    return _editor(_lesson(slug))


@bp.get("/<slug>/forhandsgranska")
@teachers
def preview(slug: str):
    lesson = _lesson(slug, edit=False)
    body = lesson_body(lesson, current_user)
    editable = service.may_edit(lesson, current_user)
    return render_template(
        "learn/lesson.html", lesson=lesson, body=body, preview=True, editable=editable
    )


@bp.get("/<slug>/versioner")
@teachers
def versions(slug: str):
    lesson = _lesson(slug)
    return render_template(
        "author/versions.html",
        lesson=lesson,
        versions=service.versions_of(lesson),
        form=ConfirmForm(),
        swedish_time=swedish_time,
    )


@bp.post("/<slug>/versioner/<int:version>/aterstall")
@teachers
def restore(slug: str, version: int):
    lesson = _lesson(slug)
    if not ConfirmForm().validate():
        abort(400)
    current = request.form.get("current", "")
    try:
        saved = service.restore(
            lesson, version, current_user, int(current) if current.isdigit() else None
        )
    except StaleEdit:
        flash(
            "Någon annan har sparat lektionen medan du tittade. Se den nya listan och försök igen.",
            "error",
        )
        return redirect(url_for("author.versions", slug=slug))
    except ContentError as exc:
        lacks = "; ".join(problem.message for problem in exc.problems)
        flash(
            f"Version {version} kan inte återställas medan lektionen är publicerad ({lacks}). "
            "Gör lektionen till ett utkast först.",
            "error",
        )
        return redirect(url_for("author.versions", slug=slug))
    if saved is None:
        abort(404)
    flash(f"Version {version} är återställd som version {saved.version}.", "success")
    return redirect(url_for("author.versions", slug=slug))


@bp.get("/<slug>/export.yaml")
@teachers
def export(slug: str):
    lesson = _lesson(slug, edit=False)
    disposition = f'attachment; filename="{lesson.slug}.yaml"'
    return Response(
        service.export_yaml(lesson),
        mimetype="application/x-yaml",
        headers={"Content-Disposition": disposition},
    )


def _too_large() -> bool:
    return (request.content_length or 0) > MAX_LESSON_BYTES + UPLOAD_ROOM


@bp.route("/importera", methods=["GET", "POST"])
@csrf.exempt  # checked by the form itself, after the size check: a huge body is never parsed
@teachers
def import_lesson():
    if request.method == "POST" and _too_large():
        message = f"det du skickade är för stort; en lektion får vara högst {MAX_LESSON_BYTES // 1_000_000} MB"
        problems = [Problem("importen", message)]
        return render_template(
            "author/import.html", form=ImportForm(formdata=None), problems=problems
        ), 413
    form, problems = ImportForm(), []
    if form.validate_on_submit():
        upload = form.file.data
        data, name = (
            (upload.read(), upload.filename)
            if upload
            else (form.text.data or "", "inklistrad text")
        )
        try:
            imported = service.import_yaml(data, name or "filen", current_user)
        except ContentError as exc:
            problems = exc.problems
        else:
            lesson = imported.lesson
            flash(
                f"Lektionen ”{lesson.title}” är {'inläst' if imported.created else 'uppdaterad'} (version {lesson.version}).",
                "success",
            )
            if imported.unconfirmed_review:
                flash(
                    "Filen säger att lektionen är granskad, men den sparades som ej granskad:"
                    " bara en granskare av vårdinnehåll kan signera den här i Ordvård.",
                    "error",
                )
            return redirect(url_for("author.edit", slug=lesson.slug))
    status = 400 if request.method == "POST" else 200
    return render_template("author/import.html", form=form, problems=problems), status


@bp.route("/<slug>/grupper", methods=["GET", "POST"])
@teachers
def assignments(slug: str):
    lesson = _lesson(slug, edit=False)
    form = ConfirmForm()
    if form.validate_on_submit():
        group_id = request.form.get("group", "")
        assign = request.form.get("action") == "assign"
        group = service.set_assignment(
            lesson, int(group_id) if group_id.isdigit() else 0, current_user, assign
        )
        if group is None:
            abort(403)
        flash(
            Markup("{}: lektionen är {}.").format(
                names.name(group.name), "tilldelad" if assign else "inte längre tilldelad"
            ),
            "success",
        )
        return redirect(url_for("author.assignments", slug=slug))
    return render_template(
        "author/assignments.html",
        lesson=lesson,
        rows=service.assignments(lesson, current_user),
        form=form,
    )


@bp.get("/termer")
@teachers
def terms():
    query = request.args.get("q", "").strip()[:200]
    return render_template(
        "author/terms.html", query=query, hits=search_terms(query) if query else None
    )
