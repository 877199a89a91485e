"""Language facts, one profile per language: `profile("ru-RU")` is the Russian one."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from tm.errors import UnknownLanguage
from tm.lang.profile import LanguageProfile

# What precedes the region, script or variant of a BCP-47 tag, written with "-" or "_": "en" of "EN_us".
SUBTAG_SEPARATOR = re.compile(r"[-_]")


def base_language(code: str) -> str:
    """ "ru-RU" -> "ru", "EN_us" -> "en"."""
    return SUBTAG_SEPARATOR.split(code, maxsplit=1)[0].lower()


@cache
def known_profiles() -> Mapping[str, LanguageProfile]:
    """Every profile tmtool has, by base language."""
    # Imported on first use: no work when the package is imported.
    from tm.lang.en import ENGLISH
    from tm.lang.ru import RUSSIAN

    return MappingProxyType({p.code: p for p in (ENGLISH, RUSSIAN)})


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of a language tag, regional variants included; UnknownLanguage when there is none."""
    profiles = known_profiles()
    found = profiles.get(base_language(code))
    if found is None:
        raise UnknownLanguage(code, tuple(sorted(profiles)))
    return found
