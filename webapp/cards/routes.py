"""The card pages: HTTP only; the work is in ``service``. The trainee sees only their own
cards; a supervisor signs and revokes only for trainees in the groups they lead; the verify
page is public, rate-limited, and shows only what :class:`service.Verification` holds."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from webapp.access import teachers, trainee_only
from webapp.cards import bp, service
from webapp.cards.forms import RevokeForm, SignForm
from webapp.extensions import db, limiter
from webapp.learn.access import PUBLISHED, open_lesson
from webapp.models import Lesson, Role, User
from webapp.qr import qr_svg
from webapp.review.scope import supervises
from webapp.write.pages import open_exercises

VERIFY_LIMIT = "30 per minute"


def _lesson(slug: str) -> Lesson:
    lesson = db.session.scalar(
        select(Lesson).where(Lesson.slug == slug, Lesson.status == PUBLISHED)
    )
    if lesson is None:
        abort(404)
    return lesson


@bp.get("/kompetenskort")
@trainee_only
def index():
    lessons = list({item.lesson.id: item.lesson for item in open_exercises(current_user)}.values())
    return render_template("cards/index.html", cards=service.cards_of(current_user, lessons))


@bp.get("/kompetenskort/<slug>")
@trainee_only
def card(slug: str):
    view = service.card_view(current_user, open_lesson(current_user, slug))
    verify_url = url_for("cards.verify", code=view.card.code, _external=True) if view.card else None
    qr = qr_svg(verify_url, "QR-kod till kontrollsidan") if verify_url else None
    return render_template("cards/card.html", view=view, verify_url=verify_url, qr=qr)


@bp.get("/kompetenskort/signera")
@teachers
def to_sign():
    return render_template("cards/to_sign.html", items=service.to_sign(current_user))


def _supervised_card(slug: str, user_id: int) -> service.CardView:
    lesson = _lesson(slug)
    trainee = db.session.get(User, user_id)
    if trainee is None or trainee.role is not Role.TRAINEE:
        abort(404)
    if not supervises(current_user, trainee.id):
        abort(403)
    return service.card_view(trainee, lesson)


def _sign_page(view, form=None, revoke_form=None, status=200):
    form = form or SignForm(formdata=None)
    form.criteria.choices = [SelectChoice(row.index, row.text) for row in view.unsigned]
    return render_template(
        "cards/sign.html",
        view=view,
        form=form,
        revoke_form=revoke_form or RevokeForm(formdata=None),
    ), status


@bp.route("/kompetenskort/<slug>/signera/<int:user_id>", methods=["GET", "POST"])
@teachers
def sign(slug: str, user_id: int):
    view = _supervised_card(slug, user_id)
    form = SignForm()
    form.criteria.choices = [SelectChoice(row.index, row.text) for row in view.unsigned]
    if not form.is_submitted():
        return _sign_page(view)
    if not form.validate():
        return _sign_page(view, form, status=400)
    try:
        service.sign(current_user, view, form.criteria.data, form.workplace.data)
    except (service.NotReady, service.CardRevoked):
        return _sign_page(view, form, status=409)
    flash("Signaturen är sparad.", "success")
    return redirect(url_for("cards.sign", slug=slug, user_id=user_id))


@bp.post("/kompetenskort/<slug>/aterkalla/<int:user_id>")
@teachers
def revoke(slug: str, user_id: int):
    view = _supervised_card(slug, user_id)
    if view.card is None:
        abort(404)
    form = RevokeForm()
    if not form.validate_on_submit():
        return _sign_page(view, revoke_form=form, status=400)
    service.revoke(view.card, form.reason.data, actor=current_user)
    flash("Kortet är återkallat.", "success")
    return redirect(url_for("cards.sign", slug=slug, user_id=user_id))


@bp.get("/verifiera/<code>")
@limiter.limit(VERIFY_LIMIT)
def verify(code: str):
    found = service.verification(code)
    if found is None:
        return render_template("cards/unknown.html"), 404
    return render_template("cards/verify.html", card=found)
