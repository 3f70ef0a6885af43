from flask import redirect, render_template, url_for
from flask_login import current_user, login_required

from webapp.home import bp, service


@bp.get("/")
def start():
    if current_user.is_authenticated:
        return redirect(url_for("home.dashboard"))
    return render_template("home/start.html")


@bp.get("/oversikt")
@login_required
def dashboard():
    return render_template(
        f"home/dashboard_{current_user.role.value}.html", **service.dashboard(current_user)
    )
