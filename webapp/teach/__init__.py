from flask import Blueprint

bp = Blueprint("teach", __name__, url_prefix="/larare")

from webapp.teach import routes  # noqa: F401
