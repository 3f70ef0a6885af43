"""Documentation exercises, the trainee's half: write a care note, get the checker's feedback,
revise and resubmit."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint

bp = Blueprint("write", __name__, url_prefix="/skriva")
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@bp.app_template_filter("note_time")
def note_time(moment: datetime) -> str:
    """A stored UTC time as the trainee's clock shows it."""
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d kl. %H.%M")


from webapp.write import routes  # noqa: F401
