from flask import Blueprint

bp = Blueprint("account", __name__, url_prefix="/konto")

from webapp.account import routes  # noqa: F401
