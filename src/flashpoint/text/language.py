"""A cheap language check: refuse text that is clearly not English, naming the language.

Function-word profiles for the languages news corpora mix in most often, plus script
detection for non-Latin writing systems. Short texts pass: too little to judge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from flashpoint.errors import LanguageError

_FUNCTION_WORDS = {
    "English": "the of and to in a is that for on was with as by it he said at from his an be",
    "Spanish": "el la de que y en los del se las por un una con no para es al lo como",
    "French": "le la les de des et en un une du est que pour dans qui sur au pas par avec",
    "German": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem",
    "Portuguese": "o a os as de do da que em um uma para com não por no na se dos",
    "Italian": "il la di che e un una per non del della sono con gli le nel alla",
    "Dutch": "de het een en van is dat op te in voor niet met zijn er aan ook",
    "Turkish": "ve bir bu da de için ile olarak çok daha gibi kadar ama sonra",
    "Indonesian": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga",
}
_WORDS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_SCRIPTS = {"ARABIC": "Arabic or Persian", "CYRILLIC": "Russian or another Cyrillic-script language",
            "CJK": "Chinese or Japanese", "HANGUL": "Korean", "HEBREW": "Hebrew",
            "DEVANAGARI": "Hindi or another Devanagari-script language", "GREEK": "Greek",
            "THAI": "Thai", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}
_TOKEN_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str, *, sample: int = 20_000) -> str | None:
    """Best guess of the text's language, or None when there is too little to judge.

    >>> detect_language("The minister said on Tuesday that the talks would go on.")
    'English'
    >>> detect_language("El ministro dijo el martes que las conversaciones con los rebeldes seguirán.")
    'Spanish'
    """
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 20:
        return None
    scripts = Counter(_script(c) for c in letters)
    script, count = scripts.most_common(1)[0]
    if script != "LATIN" and count / len(letters) > 0.5:
        return _SCRIPTS.get(script, script.title())
    tokens = [t.lower() for t in _TOKEN_RE.findall(head)]
    if len(tokens) < 8:
        return None
    scores = {lang: sum(t in words for t in tokens) for lang, words in _WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else None


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC", "HEBREW", "GREEK", "DEVANAGARI", "HANGUL",
                   "THAI", "HIRAGANA", "KATAKANA"):
        if name.startswith(script):
            return script
    return "CJK" if name.startswith("CJK") else "OTHER"


def check_english(text: str, *, origin: str) -> None:
    """Raise LanguageError if the text is recognisably in a language other than English."""
    language = detect_language(text)
    if language is not None and language != "English":
        raise LanguageError(origin, f"text is in {language}, not English; Flashpoint analyses "
                                    "English news only")
