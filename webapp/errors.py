"""Friendly Swedish error pages (and JSON for the API)."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: ("Något blev fel i förfrågan", "Sidan kunde inte ta emot det som skickades. Försök igen."),
    403: ("Du har inte behörighet", "Den här sidan är inte till för ditt konto."),
    404: ("Sidan finns inte", "Adressen kan vara fel, eller så har sidan tagits bort."),
    405: ("Det gick inte", "Sidan kan inte användas på det sättet."),
    413: ("För mycket text", "Det du skickade är för stort. Korta texten och försök igen."),
    429: (
        "För många försök",
        "Du har försökt för många gånger på kort tid. Vänta en minut och försök igen.",
    ),
    500: ("Något gick fel hos oss", "Ett fel uppstod. Försök igen om en stund."),
}

CSRF_MESSAGE = (
    "Formuläret kunde inte skickas eftersom det var för gammalt eller inte kom från Ordvård. "
    "Gå tillbaka, ladda om sidan och försök igen."
)


def _render(status: int, message: str | None = None):
    title, text = MESSAGES.get(status, MESSAGES[500])
    text = message or text
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(error=title, message=text), status
    return render_template("errors/error.html", status=status, title=title, text=text), status


def register(app: Flask) -> None:
    for status in MESSAGES:
        app.register_error_handler(status, lambda error, status=status: _render(status))
    app.register_error_handler(CSRFError, lambda error: _render(400, CSRF_MESSAGE))
