"""Vocabulary drills: the trainee's session and progress, the teacher's group drill page."""

from flask import Blueprint

bp = Blueprint("drills", __name__, url_prefix="/ova")

from webapp.drills import routes  # noqa: F401
