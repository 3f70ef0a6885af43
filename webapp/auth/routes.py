from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from webapp.auth import bp, service
from webapp.auth.forms import LoginForm, RegisterForm
from webapp.extensions import limiter
from webapp.navigation import safe_next_url

LOGIN_LIMIT = "10 per minute"


def _failed_attempt(response) -> bool:
    """Only failed logins count against the limit: a success redirects."""
    return response.status_code != 302


@bp.route("/logga-in", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"], deduct_when=_failed_attempt)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = service.authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(safe_next_url(request.args.get("next")) or url_for("home.dashboard"))
        form.password.errors.append("Fel e-postadress eller lösenord.")
    return render_template("auth/login.html", form=form)


@bp.post("/logga-ut")
@login_required
def logout():
    service.end_all_sessions(current_user)
    logout_user()
    flash("Du är utloggad.", "info")
    return redirect(url_for("home.start"))


@bp.route("/registrera", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("home.dashboard"))
    form = RegisterForm(join_code=request.args.get("kod", ""))
    if form.validate_on_submit():
        try:
            user = service.register_trainee(
                email=form.email.data,
                display_name=form.display_name.data,
                password=form.password.data,
                l1=form.l1.data,
                join_code=form.join_code.data,
            )
        except service.RegistrationError as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            login_user(user)
            flash("Välkommen till Ordvård! Ditt konto är klart.", "success")
            return redirect(url_for("home.dashboard"))
    return render_template("auth/register.html", form=form)
