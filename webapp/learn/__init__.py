from flask import Blueprint

bp = Blueprint("learn", __name__, url_prefix="/lektioner")

from webapp.learn import routes  # noqa: E402,F401
