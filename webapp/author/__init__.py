"""The teacher's lesson editor: create, edit, preview, versions, import/export, assignment."""

from flask import Blueprint

bp = Blueprint("author", __name__, url_prefix="/larare/lektioner")

from webapp.author import routes  # noqa: F401
