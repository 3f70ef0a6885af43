from pathlib import Path

from flask import current_app, redirect, render_template, send_from_directory, url_for
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


@bp.get("/favicon.ico")
def favicon():
    """Browsers and crawlers ask for /favicon.ico whatever the page says: the site's icon."""
    folder = Path(current_app.static_folder) / "img"
    return send_from_directory(folder, "icon.svg", mimetype="image/svg+xml", max_age=86400)
