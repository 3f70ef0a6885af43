"""Pronunciation clips: the site's one audio function (``audio_url``), the route that serves
clips, and the ``flask audio`` commands that prebuild and upgrade them."""

from flask import Blueprint

bp = Blueprint("audio", __name__, url_prefix="/ljud")

from webapp.audio import commands, routes  # noqa: F401
from webapp.audio.service import audio_url

bp.add_app_template_global(audio_url, "audio_url")

__all__ = ["audio_url", "bp"]
