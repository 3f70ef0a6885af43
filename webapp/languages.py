"""The help languages (L1) a trainee can choose: the term bank's translation languages, with
the names the interface shows."""

from __future__ import annotations

from dataclasses import dataclass

from glossary.model import LANGUAGE_NAMES, LANGUAGES, is_rtl

NATIVE_NAMES = {
    "en": "English",
    "ar": "العربية",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "fa": "فارسی / دری",
    "uk": "Українська",
}


@dataclass(frozen=True)
class HelpLanguage:
    code: str
    swedish_name: str
    native_name: str

    @property
    def rtl(self) -> bool:
        return is_rtl(self.code)


HELP_LANGUAGES: tuple[HelpLanguage, ...] = tuple(
    HelpLanguage(code, LANGUAGE_NAMES[code], NATIVE_NAMES[code]) for code in LANGUAGES
)


def text_direction(code: str) -> str:
    """The HTML ``dir`` value for text in this language."""
    return "rtl" if is_rtl(code) else "ltr"
