"""HTTP for drills: read the request, call the service, render. JavaScript's fetch gets just
the part of the session page that changes (header ``X-Requested-With: fetch``)."""

from flask import (
    abort,
    current_app,
    flash,
    get_template_attribute,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user

from webapp.access import teachers, trainee_only
from webapp.audio import audio_url
from webapp.drills import bp, groups, offline, progress, recording, service
from webapp.drills.forms import AnswerForm, SettingsForm
from webapp.drills.queue import ClosedLesson, UnknownLesson
from webapp.errors import Refused
from webapp.extensions import limiter
from webapp.learn.access import CLOSED_HEADING, refuse_closed
from webapp.models.time import utcnow

STATUS = {"recorded": 200, "unknown": 404, "closed": 403, "replayed": 409, "invalid": 400}
# The quickest honest trainee rates a flashcard about once a second and opens the drill page
# (which takes items along) a few times a minute; a script posting answers (each an FSRS step
# and a commit) or asking for packs (up to 40 items written each) is slowed down.
ANSWER_LIMIT = "120 per minute"
PACK_LIMIT = "20 per minute"
# A phone sends its waiting answers in a few requests of up to 50 and retries every few
# seconds at most; a script replaying batches (each answer is an FSRS step and a commit) stops.
SYNC_LIMIT = "30 per minute"


def _refuse(refused: UnknownLesson | ClosedLesson):
    if isinstance(refused, ClosedLesson):
        refuse_closed()
    abort(refused.status)


def _user_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


def _answer_limit() -> str:
    return current_app.config.get("DRILL_ANSWER_LIMIT", ANSWER_LIMIT)


def _session_size() -> int:
    return int(current_app.config.get("DRILL_SESSION_ITEMS", 12))


def _render_session(view, status: int = 200):
    partial = request.headers.get("X-Requested-With") == "fetch"
    template = "drills/_exchange.html" if partial else "drills/session.html"
    return render_template(template, view=view, form=AnswerForm()), status


@bp.get("/")
@trainee_only
def session():
    slug = request.args.get("lektion") or None
    try:
        view = service.session_view(current_user, slug, utcnow(), _session_size())
    except (UnknownLesson, ClosedLesson) as refused:
        _refuse(refused)
    return _render_session(view)


@bp.post("/svar")
@limiter.limit(_answer_limit, key_func=_user_key)
@trainee_only
def answer():
    form = AnswerForm()
    if not form.validate_on_submit():
        abort(400, description=next(iter(form.errors.values()))[0] if form.errors else None)
    now = utcnow()
    outcome = recording.record_answer(
        current_user,
        form.token.data,
        now,
        answer=form.answer.data or "",
        rating=form.rating.data,
        give_up=bool(form.give_up.data),
        order=form.order.data,
        commit=False,  # committed with the next item by session_view
    )
    done = (form.done.data or 0) + (1 if outcome.recorded else 0)
    try:
        view = service.session_view(
            current_user, form.lesson.data or None, now, _session_size(), done, outcome
        )
    except (UnknownLesson, ClosedLesson) as refused:
        recording.keep_answer()
        if outcome.status == "closed" and refused.status == Refused.code:
            lessons = ("Till dina lektioner", url_for("learn.index"))
            raise Refused(CLOSED_HEADING, outcome.message, lessons) from None
        _refuse(refused)
    return _render_session(view, STATUS[outcome.status])


@bp.get("/paket")
@limiter.limit(PACK_LIMIT, key_func=_user_key)
@trainee_only
def pack():
    """The next items as data for drilling offline (``offline.pack``): each with its prompt,
    which the device checks answers against, the item's form as the session page shows it, and
    the clip of its solution, which the feedback plays after a miss as online."""
    try:
        items = offline.pack(current_user, request.args.get("lektion") or None, utcnow())
    except (UnknownLesson, ClosedLesson) as refused:
        _refuse(refused)
    shown = get_template_attribute("drills/_item.html", "drill_item")
    form = AnswerForm()
    return jsonify(
        rules=offline.device_rules(),
        items=[
            {
                "token": item.token,
                "prompt": item.prompt,
                "html": str(shown(item, offline.Shown(i), form)),
                "solution_audio": audio_url(item.prompt["solution"]),
            }
            for i, item in enumerate(items)
        ],
    )


@bp.post("/synka")
@limiter.limit(SYNC_LIMIT, key_func=_user_key)
@trainee_only
def sync():
    """Answers given offline, JSON ``{"answers": [{id, token, answered_at, answer, rating,
    give_up, order}]}`` → ``{"results": [{id, status, code, message}]}``; the status is the
    worst answer's (``offline.sync``); 400/413 with a Swedish ``message`` for a bad batch."""
    try:
        batch = offline.parse_batch(request.get_json(silent=True))
    except offline.BadBatch as bad:
        return jsonify(error=str(bad), message=str(bad)), bad.status
    results = offline.sync(current_user, batch, utcnow())
    return jsonify(results=[r.to_dict() for r in results]), max(
        offline.STATUS[r.status] for r in results
    )


@bp.get("/framsteg")
@trainee_only
def progress_page():
    return render_template(
        "drills/progress.html", progress=progress.progress_of(current_user.id, utcnow())
    )


def _led_group(group_id: int):
    try:
        group = groups.led_group(current_user, group_id)
    except groups.NotLeader:
        abort(403)
    if group is None:
        abort(404)
    return group


@bp.get("/grupper/<int:group_id>")
@teachers
def group(group_id: int):
    group = _led_group(group_id)
    form = SettingsForm(
        retention=round(group.desired_retention * 100), new_per_day=group.new_cards_per_day
    )
    return render_template(
        "drills/group.html", report=groups.group_report(group, utcnow()), form=form
    )


@bp.post("/grupper/<int:group_id>")
@teachers
def group_settings(group_id: int):
    group = _led_group(group_id)
    form = SettingsForm()
    if not form.validate_on_submit():
        report = groups.group_report(group, utcnow())
        return render_template("drills/group.html", report=report, form=form), 400
    groups.save_settings(group, form.retention.data, form.new_per_day.data)
    flash("Inställningarna är sparade. De gäller från nästa svar.", "success")
    return redirect(url_for("drills.group", group_id=group.id))
