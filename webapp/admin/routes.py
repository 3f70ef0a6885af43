from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from webapp.access import admins
from webapp.admin import bp, service
from webapp.admin.forms import RoleForm
from webapp.models import Role


@bp.get("/anvandare")
@admins
def users():
    return render_template("admin/users.html", users=service.all_users(), form=RoleForm())


@bp.post("/anvandare/roll")
@admins
def change_role():
    form = RoleForm()
    if not form.validate_on_submit() or not form.user_id.data.isdigit():
        flash("Rollen kunde inte ändras: formuläret var ofullständigt.", "error")
        return redirect(url_for("admin.users"))
    try:
        user = service.change_role(current_user, int(form.user_id.data), Role(form.role.data))
    except service.AdminError as error:
        flash(str(error), "error")
    else:
        flash(f"{user.display_name} är nu {user.role.label}.", "success")
    return redirect(url_for("admin.users"))
