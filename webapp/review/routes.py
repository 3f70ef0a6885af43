"""The review pages: HTTP only; the work is in ``service`` and ``insights``. Every route is for
teachers, and every note or group is checked against the teacher's own groups (403 if not)."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from webapp.access import teachers
from webapp.extensions import db
from webapp.models import Group
from webapp.review import bp, insights, service
from webapp.review.forms import CommentForm, OverrideForm, verdict_form
from webapp.review.scope import leads
from webapp.teach.service import groups_led_by
from webapp.write.feedback import VERDICTS


@bp.get("/")
@teachers
def queue():
    return render_template(
        "review/queue.html",
        items=service.review_queue(current_user),
        groups=groups_led_by(current_user),
    )


def _render_note(note, *, form=None, comment_form=None, status=200):
    page = service.review_page(current_user, note)
    form = form or verdict_form(page["context"].exercise.rubric, formdata=None)
    comment_form = comment_form or CommentForm(formdata=None)
    comment_form.passage.choices = [SelectChoice(p.value, p.preview) for p in page["passages"]]
    return render_template("review/note.html", form=form, comment_form=comment_form, **page), status


@bp.route("/<int:note_id>", methods=["GET", "POST"])
@teachers
def note(note_id: int):
    note = service.open_note(current_user, note_id)
    if request.method == "GET":
        return _render_note(note)
    form = verdict_form(service.exercise_of(note).exercise.rubric)
    if not form.validate_on_submit():
        return _render_note(note, form=form, status=400)
    try:
        service.save_verdict(
            current_user, note, form.verdict.data, form.scores(), form.comment.data or ""
        )
    except service.AlreadyReviewed:
        flash(
            "Den här versionen är redan bedömd. Deltagaren behöver lämna in en ny version först.",
            "error",
        )
        return redirect(url_for("review.note", note_id=note.id))
    flash(f"Bedömningen är sparad: {VERDICTS[form.verdict.data]}.", "success")
    return redirect(url_for("review.queue"))


@bp.post("/<int:note_id>/kommentar")
@teachers
def comment(note_id: int):
    note = service.open_note(current_user, note_id)
    form = CommentForm()
    if not form.validate_on_submit():
        return _render_note(note, comment_form=form, status=400)
    where = service.locate(note.versions[-1].text, form.passage.data or "", form.quote.data or "")
    if where is None:
        form.quote.errors.append(
            "Orden finns inte i texten. Skriv av dem exakt, eller välj en mening."
        )
        return _render_note(note, comment_form=form, status=400)
    service.add_comment(current_user, note, *where, form.text.data)
    flash("Kommentaren är sparad.", "success")
    return redirect(url_for("review.note", note_id=note.id) + "#kommentarer")


@bp.post("/<int:note_id>/inte-ett-fel")
@teachers
def override(note_id: int):
    note = service.open_note(current_user, note_id)
    form = OverrideForm()
    done = form.validate_on_submit() and service.override_finding(
        current_user, note, form.finding.data, form.reason.data or ""
    )
    if not done:
        flash("Det gick inte att markera fyndet. Ladda om sidan och försök igen.", "error")
        return redirect(url_for("review.note", note_id=note.id))
    flash(f"Fynd {form.finding.data} är markerat som inte ett fel.", "success")
    return redirect(url_for("review.note", note_id=note.id) + f"#fynd-{form.finding.data}")


def _led_group(group_id: int) -> Group:
    group = db.session.get(Group, group_id)
    if group is None:
        abort(404)
    if not leads(current_user, group_id):
        abort(403)
    return group


@bp.get("/insikter/<int:group_id>")
@teachers
def group_insights(group_id: int):
    found = insights.group_insights(_led_group(group_id), request.args.get("ovning", ""))
    return render_template("review/insights.html", insights=found)


@bp.get("/insikter/<int:group_id>.csv")
@teachers
def insights_csv(group_id: int):
    found = insights.group_insights(_led_group(group_id), request.args.get("ovning", ""))
    filename = f"vanliga-fel-grupp-{group_id}.csv"
    return Response(
        insights.insights_csv(found),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
