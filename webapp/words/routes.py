"""The word list (Ordlista) pages."""

from webapp.words import bp  # noqa: F401
