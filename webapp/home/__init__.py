from flask import Blueprint

bp = Blueprint("home", __name__)

from webapp.home import routes  # noqa: F401
