"""The JSON API the writing page's script uses: live checking and autosaved drafts."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from webapp.api import routes  # noqa: F401
