"""Content review (Granskning): reviewers' queues for translations and lessons, the admin's
reviewer assignments and progress page. Review rules themselves live in ``webapp.review_state``."""

from flask import Blueprint

bp = Blueprint("content_review", __name__, url_prefix="/granskning")

from webapp.content_review import routes  # noqa: F401
