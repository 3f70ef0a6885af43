"""One budget of wrong passwords per client address and per account, shared by every form that
checks a password (the log-in page, the writing page's "log in again" form, any later one).

Every view that checks a password is decorated with :func:`login_budget` and checks it with
:func:`authenticate` from here, which refuses to run in a view without the budget — so a new
login form cannot forget it. Only wrong passwords count (a success costs nothing), against two
counters shared by all those forms: the client's address, and the account named by the posted
e-mail address. Once either has :data:`LOGIN_LIMIT` wrong tries, every login form answers 429
to it, whichever form the tries came through and from however many addresses.

The counters live in the limiter's storage (Redis in production); what happens when Redis is
away is said in ``webapp.config``.
"""

from __future__ import annotations

import hashlib

from flask import current_app, g, request

from webapp.auth import service
from webapp.extensions import limiter
from webapp.models import User

LOGIN_LIMIT = "10 per minute"
_FAILED = "login_budget_failed"


def _account_key() -> str:
    """The account a login names, as a digest: no e-mail address is kept in the limiter's
    storage, and a huge posted value cannot make a huge key."""
    email = service.normalise_email(request.form.get("email", ""))
    return "account:" + hashlib.sha256(email.encode("utf-8", "replace")).hexdigest()[:32]


def _wrong_password(response) -> bool:
    return g.get(_FAILED, False)


def login_budget(view):
    """Put ``view`` under the shared login budget (POST requests only)."""
    budgeted = limiter.shared_limit(
        LOGIN_LIMIT,
        scope="login-account",
        key_func=_account_key,
        methods=["POST"],
        deduct_when=_wrong_password,
    )(
        limiter.shared_limit(
            LOGIN_LIMIT,
            scope="login-address",
            methods=["POST"],
            deduct_when=_wrong_password,
        )(view)
    )
    budgeted.login_budget = True
    return budgeted


def authenticate(email: str, password: str) -> User | None:
    """The user if the password is right, else None — a wrong one is charged to the budget.

    Raises ``RuntimeError`` when the current view is not under :func:`login_budget`.
    """
    view = current_app.view_functions.get(request.endpoint or "")
    if not getattr(view, "login_budget", False):
        raise RuntimeError(f"{request.endpoint} checks a password outside the login budget")
    user = service.authenticate(email, password)
    if user is None:
        g.setdefault(_FAILED, True)
    return user
