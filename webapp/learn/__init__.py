"""The trainee's lesson pages: the list per care area and one lesson."""

from flask import Blueprint, current_app, url_for

bp = Blueprint("learn", __name__, url_prefix="/lektioner")


def optional_url(endpoint: str, **values) -> str | None:
    """The URL of ``endpoint`` if the site has it (drills, exercises), else None: a page links
    to another area only once that area exists."""
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, **values)


bp.add_app_template_global(optional_url, "optional_url")

from webapp.learn import routes  # noqa: F401
