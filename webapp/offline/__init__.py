"""The installable web app: manifest, service worker, the page shown offline, and the list of
pages a trainee's device keeps for reading without a connection."""

from flask import Blueprint

bp = Blueprint("offline", __name__)

from webapp.offline import routes  # noqa: F401
