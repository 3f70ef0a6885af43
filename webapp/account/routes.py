"""The profile page (``/konto``) and its changes: HTTP only; the work is in ``service``."""

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user, logout_user

from webapp.account import bp, service
from webapp.account.forms import ConfirmForm, EmailForm, EraseForm, PasswordForm, ProfileForm
from webapp.extensions import limiter
from webapp.outbox import mail_configured


def _forms(**given) -> dict:
    forms = {
        "profile_form": ProfileForm(prefix="profil", obj=current_user),
        "password_form": PasswordForm(prefix="losen"),
        "email_form": EmailForm(prefix="epost"),
    }
    forms.update(given)
    return forms


def _page(status: int = 200, **given):
    return render_template(
        "account/profile.html", mail_configured=mail_configured(), **_forms(**given)
    ), status


def _refused(form, error: service.AccountError, name: str):
    getattr(form, error.field).errors.append(str(error))
    return _page(400, **{name: form})


@bp.get("")
@login_required
def profile():
    return _page()


@bp.post("/profil")
@login_required
def update_profile():
    form = ProfileForm(prefix="profil")
    if not form.validate_on_submit():
        return _page(400, profile_form=form)
    try:
        changed = service.update_profile(current_user, form.display_name.data, form.l1.data)
    except service.AccountError as error:
        return _refused(form, error, "profile_form")
    flash("Ändringarna är sparade." if changed else "Inget var ändrat.", "success")
    return redirect(url_for("account.profile"))


@bp.post("/losenord")
@login_required
@limiter.limit("10 per hour")
def change_password():
    form = PasswordForm(prefix="losen")
    if not form.validate_on_submit():
        return _page(400, password_form=form)
    try:
        service.change_password(current_user, form.current.data, form.password.data)
    except service.AccountError as error:
        return _refused(form, error, "password_form")
    login_user(current_user)  # this browser stays logged in with the new session version
    flash("Lösenordet är bytt. Du är utloggad på alla andra enheter.", "success")
    return redirect(url_for("account.profile"))


@bp.post("/e-post")
@login_required
@limiter.limit("10 per hour")
def change_email():
    form = EmailForm(prefix="epost")
    if not form.validate_on_submit():
        return _page(400, email_form=form)
    try:
        sent = service.request_email_change(current_user, form.email.data, form.current.data)
    except service.AccountError as error:
        return _refused(form, error, "email_form")
    if sent:
        flash(
            f"Vi har skickat en länk till {form.email.data}. Öppna den för att bekräfta "
            "bytet. Tills dess gäller din gamla adress.",
            "info",
        )
    else:
        flash("E-postadressen är bytt. Logga in med den nya adressen nästa gång.", "success")
    return redirect(url_for("account.profile"))


@bp.route("/e-post/bekrafta/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """Anyone with the link may confirm it: it was sent to the new address only."""
    try:
        user, address = service.pending_change(token)
    except service.AccountError as error:
        return render_template("account/email_invalid.html", message=str(error)), 400
    form = ConfirmForm()
    if form.validate_on_submit():
        service.confirm_email_change(token)
        flash(f"Din e-postadress är nu {address}.", "success")
        return redirect(
            url_for("account.profile" if current_user.is_authenticated else "auth.login")
        )
    return render_template("account/email_confirm.html", form=form, user=user, address=address)


@bp.post("/logga-ut-overallt")
@login_required
def logout_everywhere():
    service.logout_everywhere(current_user)
    logout_user()
    flash("Du är utloggad på alla enheter, också den här.", "info")
    return redirect(url_for("auth.login"))


def zip_download(data: bytes, name: str) -> Response:
    return Response(
        data,
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.post("/mina-uppgifter")
@login_required
@limiter.limit("10 per hour")
def export_own():
    return zip_download(service.export_own(current_user), "ordvard-mina-uppgifter.zip")


@bp.route("/radera", methods=["GET", "POST"])
@login_required
def erase_own():
    form = EraseForm()
    if form.validate_on_submit():
        try:
            service.erase_own(current_user, form.current.data)
        except service.AccountError as error:
            form.current.errors.append(str(error))
        else:
            logout_user()
            flash("Ditt konto är raderat. Tack för att du använde Ordvård.", "info")
            return redirect(url_for("home.start"))
    status = 400 if form.errors else 200
    return render_template("account/erase.html", form=form), status
