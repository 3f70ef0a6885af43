from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

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
    flash(f"Gruppen ”{group.name}” är skapad. Gruppkoden är {group.join_code}.", "success")
    return redirect(url_for("teach.groups"))


@bp.post("/deltagare/<int:user_id>/losenordslank")
@teachers
def reset_link(user_id: int):
    """A one-time link (and its QR code) for a trainee of the teacher's groups to choose a
    new password; an admin may make one for anyone but themselves."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id or not service.may_reset_password(current_user, user):
        abort(403)
    link = recovery.make_link(user, by_teacher=True)
    service.record_reset_link(current_user, user)
    page = render_template(
        "teach/reset_link.html",
        link=link,
        qr=qr_svg(link.url, f"QR-kod: länk för {user.display_name}"),
    )
    return page, 200, {"Cache-Control": "no-store"}
