"""Language facts, one profile per language: `profile("ru-RU")` is the Russian one."""
from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING

from tm.errors import UnknownLanguage

if TYPE_CHECKING:  # tm.lang.LanguageProfile is read from its module when first asked for (__getattr__)
    from tm.lang.profile import LanguageProfile


class LanguagePackage(ModuleType):
    """tm.lang, whose function profile() its submodule tm.lang.profile does not replace when imported.

    The import system sets each submodule as an attribute of its package once the submodule is loaded:
    loaded after this package (only the stages need LanguageProfile, not `tmtool search`, which reads
    tm.lang.script alone), tm.lang.profile would take profile()'s name."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "profile" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = LanguagePackage

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


def __getattr__(name: str) -> object:
    """LanguageProfile, from tm.lang.profile when first asked for (its dataclass takes ~9 M instructions)."""
    if name == "LanguageProfile":
        from tm.lang.profile import LanguageProfile

        return LanguageProfile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
