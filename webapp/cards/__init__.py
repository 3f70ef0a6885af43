"""Competence cards: the trainee's printable card, the supervisor's signing page, and the public
page that verifies a card by its code."""

from flask import Blueprint

bp = Blueprint("cards", __name__)

from webapp.cards import routes  # noqa: F401
