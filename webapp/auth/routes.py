from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from markupsafe import Markup

from webapp import names
from webapp.access import trainee_only
from webapp.auth import bp, recovery, service
from webapp.auth.forms import (
    ForgotPasswordForm,
    JoinGroupForm,
    LoginForm,
    NewPasswordForm,
    RegisterForm,
)
from webapp.auth.login_budget import authenticate, login_budget
from webapp.extensions import limiter
from webapp.models import Role
from webapp.navigation import safe_next_url
from webapp.outbox import mail_configured

# Reset emails: a few per address (nobody's inbox gets flooded), more per network address
# (a shared workplace connection may hold several people who forgot).
RESET_PER_ADDRESS_LIMIT = "3 per hour"
RESET_PER_IP_LIMIT = "10 per hour"


def _requested_address() -> str:
    return "reset:" + service.normalise_email(request.form.get("email", ""))[:254]


@bp.route("/logga-in", methods=["GET", "POST"])
@login_budget
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
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


def _registration_valid(form: RegisterForm) -> bool:
    """The form's checks and the database's (code, address), every problem said at once."""
    valid = form.validate()
    problems = service.registration_problems(
        join_code=form.join_code.data or "", email=form.email.data or ""
    )
    for name, problem in problems.items():
        field = getattr(form, name)
        if not field.errors:
            field.errors.append(problem)
    return valid and not problems


@bp.route("/registrera", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def register():
    if current_user.is_authenticated:  # an invitation opened by someone with an account
        if current_user.role == Role.TRAINEE and request.args.get("kod"):
            return redirect(url_for("auth.join_group", kod=request.args["kod"]))
        return redirect(url_for("home.dashboard"))
    form = RegisterForm(join_code=request.args.get("kod", ""))
    if form.is_submitted() and _registration_valid(form):
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


@bp.route("/ga-med", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
@trainee_only
def join_group():
    """Join one more group with its code (or the invitation link that carries it)."""
    form = JoinGroupForm(join_code=request.args.get("kod", ""))
    if form.validate_on_submit():
        try:
            group, joined = service.join_group(current_user, form.join_code.data)
        except service.RegistrationError as error:
            form.join_code.errors.append(str(error))
        else:
            flash(
                Markup("Du är nu med i {}." if joined else "Du är redan med i {}.").format(
                    names.name(group.name)
                ),
                "success" if joined else "info",
            )
            return redirect(url_for("home.dashboard"))
    return render_template("auth/join.html", form=form), 400 if form.errors else 200


@bp.route("/glomt-losenord", methods=["GET", "POST"])
@limiter.limit(RESET_PER_IP_LIMIT, methods=["POST"])
@limiter.limit(RESET_PER_ADDRESS_LIMIT, methods=["POST"], key_func=_requested_address)
def forgot_password():
    if not mail_configured():
        return render_template("auth/forgot_no_mail.html")
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        recovery.send_reset_email(form.email.data)
        return render_template("auth/forgot_sent.html", email=form.email.data)
    return render_template("auth/forgot.html", form=form)


@bp.route("/nytt-losenord/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
def reset_password(token: str):
    try:
        user, made_by = recovery.user_for_token(token)
    except recovery.ResetLinkError as error:
        return render_template("auth/reset_invalid.html", message=str(error)), 400
    form = NewPasswordForm()
    if form.validate_on_submit():
        service.set_new_password(
            user, form.password.data, actor=None, action="password_reset", link_from=made_by
        )
        if current_user.is_authenticated:
            logout_user()
        flash("Ditt nya lösenord är sparat. Logga in med det.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, user=user)
