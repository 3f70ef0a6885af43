from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from webapp import names
from webapp.access import teachers
from webapp.auth import recovery
from webapp.extensions import db
from webapp.models import User
from webapp.qr import qr_svg
from webapp.teach import bp, service
from webapp.teach.forms import GroupForm


@bp.get("/grupper")
@teachers
def groups():
    return render_template(
        "teach/groups.html", groups=service.groups_led_by(current_user), form=GroupForm()
    )


@bp.post("/grupper")
@teachers
def create_group():
    form = GroupForm()
    if not form.validate_on_submit():
        return render_template(
            "teach/groups.html", groups=service.groups_led_by(current_user), form=form
        ), 400
    group = service.create_group(current_user, form.name.data)
    flash(
        Markup("Gruppen ”{}” är skapad. Gruppkoden är {}.").format(
            names.name(group.name), group.join_code
        ),
        "success",
    )
    return redirect(url_for("teach.groups"))


@bp.post("/deltagare/<int:user_id>/losenordslank")
@teachers
def reset_link(user_id: int):
    """A one-time link (and its QR code) for a trainee of the teacher's groups to choose a
    new password; an admin may make one for anyone but themselves."""
    user = db.session.get(User, user_id)
    if user is None or user.erased_at is not None:
        abort(404)
    if user.id == current_user.id or not service.may_reset_password(current_user, user):
        abort(403)
    link = recovery.make_link(user, by_teacher=True)
    service.record_reset_link(current_user, user)
    page = render_template(
        "teach/reset_link.html",
        link=link,
        qr=qr_svg(link.url, f"QR-kod: länk för {names.plain_name(user.display_name)}"),
    )
    return page, 200, {"Cache-Control": "no-store"}


def _led_or_403(group_id: int):
    group = service.led_group(current_user, group_id)
    if group is None:
        abort(403)
    return group


def invitation_url(group) -> str:
    return url_for("auth.register", kod=group.join_code, _external=True)


@bp.get("/grupper/<int:group_id>/affisch")
@teachers
def poster(group_id: int):
    """A page to print for the staff room: the invitation link as a large QR code."""
    group = _led_or_403(group_id)
    url = invitation_url(group)
    qr = qr_svg(url, f"QR-kod: skapa konto i {names.plain_name(group.name)}")
    return render_template("teach/poster.html", group=group, url=url, qr=qr)


@bp.post("/grupper/<int:group_id>/ny-kod")
@teachers
def renew_code(group_id: int):
    group = _led_or_403(group_id)
    code = service.renew_join_code(current_user, group)
    flash(
        Markup(
            "Gruppen ”{}” har fått den nya koden {}. Den gamla koden gäller inte längre."
        ).format(names.name(group.name), code),
        "success",
    )
    return redirect(url_for("teach.groups", _anchor=f"grupp-{group.id}"))


@bp.post("/grupper/<int:group_id>/deltagare/<int:user_id>/flytta")
@teachers
def move_member(group_id: int, user_id: int):
    source = _led_or_403(group_id)
    target_id = request.form.get("to_group", "")
    target = service.led_group(current_user, int(target_id)) if target_id.isdigit() else None
    if target is None:
        flash("Välj en av dina grupper att flytta deltagaren till.", "error")
        return redirect(url_for("teach.groups", _anchor=f"grupp-{source.id}"))
    try:
        user = service.move_member(current_user, source, target, user_id)
    except service.GroupError as error:
        flash(str(error), "error")
    else:
        flash(
            Markup("{} är flyttad till ”{}”.").format(
                names.name(user.display_name), names.name(target.name)
            ),
            "success",
        )
    return redirect(url_for("teach.groups", _anchor=f"grupp-{source.id}"))


@bp.post("/grupper/<int:group_id>/deltagare/<int:user_id>/ta-bort")
@teachers
def remove_member(group_id: int, user_id: int):
    group = _led_or_403(group_id)
    try:
        user = service.remove_member(current_user, group, user_id)
    except service.GroupError as error:
        flash(str(error), "error")
    else:
        flash(
            Markup(
                "{} är borttagen ur ”{}”. Kontot och allt deltagaren har gjort finns kvar."
            ).format(names.name(user.display_name), names.name(group.name)),
            "success",
        )
    return redirect(url_for("teach.groups", _anchor=f"grupp-{group.id}"))
