"""The help languages (L1) a trainee can choose, as the interface names them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpLanguage:
    code: str
    swedish_name: str
    native_name: str
    rtl: bool = False


HELP_LANGUAGES: tuple[HelpLanguage, ...] = (
    HelpLanguage("en", "engelska", "English"),
    HelpLanguage("ar", "arabiska", "العربية", rtl=True),
    HelpLanguage("so", "somaliska", "Soomaali"),
    HelpLanguage("ti", "tigrinja", "ትግርኛ"),
    HelpLanguage("fa", "persiska (dari/farsi)", "فارسی / دری", rtl=True),
    HelpLanguage("uk", "ukrainska", "Українська"),
)

BY_CODE = {language.code: language for language in HELP_LANGUAGES}


def text_direction(code: str) -> str:
    """The HTML ``dir`` value for text in this language."""
    language = BY_CODE.get(code)
    return "rtl" if language and language.rtl else "ltr"
