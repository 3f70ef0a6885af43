"""Documentation exercises, the teacher's half: review submitted notes and see a group's
common errors."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/larare/granska")

from webapp.review import routes  # noqa: F401
