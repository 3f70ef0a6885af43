from flask import Blueprint

bp = Blueprint("words", __name__, url_prefix="/ordlista")

from webapp.words import routes  # noqa: F401
