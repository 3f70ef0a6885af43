from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from webapp import audit, names
from webapp.access import admins
from webapp.account.routes import zip_download
from webapp.admin import bp, service
from webapp.admin.forms import AuditFilterForm, RoleForm
from webapp.models import Role
from webapp.rights.erasure import erase_account


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
        flash(
            Markup("{} är nu {}.").format(names.name(user.display_name), user.role.label), "success"
        )
    return redirect(url_for("admin.users"))


def _audit_filters() -> tuple[AuditFilterForm, audit.Filters]:
    form = AuditFilterForm(request.args)
    if not form.validate():
        return form, audit.Filters()
    return form, audit.Filters(
        action=form.action.data or "",
        actor=form.actor.data or "",
        subject=form.subject.data or "",
        since=form.since.data,
        until=form.until.data,
    )


@bp.get("/logg")
@admins
def audit_log():
    form, filters = _audit_filters()
    return render_template(
        "admin/audit.html", form=form, rows=audit.events(filters), limit=audit.PAGE_ROWS
    )


@bp.get("/logg.csv")
@admins
def audit_csv():
    _form, filters = _audit_filters()
    return Response(
        audit.events_csv(filters),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="ordvard-logg.csv"'},
    )


def _managed_or_404(user_id: int):
    try:
        return service.user_to_manage(current_user, user_id)
    except service.AdminError:
        abort(404)


@bp.post("/anvandare/<int:user_id>/uppgifter")
@admins
def export_user(user_id: int):
    user = _managed_or_404(user_id)
    return zip_download(service.export_user(current_user, user), f"ordvard-anvandare-{user.id}.zip")


@bp.route("/anvandare/<int:user_id>/radera", methods=["GET", "POST"])
@admins
def erase_user(user_id: int):
    user = _managed_or_404(user_id)
    if request.method == "POST":
        erased = names.name(user.display_name)
        erase_account(user, actor=current_user)
        flash(Markup("Kontot för {} är raderat.").format(erased), "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/erase.html", user=user)
