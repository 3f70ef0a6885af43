from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from webapp.access import teachers
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
