"""The trainee's lesson pages."""

from webapp.learn import bp  # noqa: F401
