"""English abbreviation tables for sentence segmentation, as data.

Entries are lowercase, written as they appear before the space that follows them.
"""
from __future__ import annotations

# Abbreviations followed by more of the same sentence; each with an example.
ABBREVIATIONS = frozenset({
    "e.g.",  # e.g. Canada
    "i.e.",  # i.e. the Fund
    "cf.",  # cf. para. 12
    "no.",  # No. 97
    "nos.",  # Nos. 3 and 4
    "para.",  # para. 12
    "paras.",  # paras. 12-14
    "art.",  # art. 5
    "vol.",  # vol. II
    "p.",  # p. 45
    "pp.",  # pp. 45-46
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "st.", "jr.", "sr.",  # Mr. Annan
    "vs.",  # Semilarski vs. the Prosecutor's Office
    "approx.",  # approx. 30 per cent
    "fig.",  # fig. 3
    "ch.",  # ch. IV
    "sect.",  # sect. II
    "u.s.", "u.k.", "u.n.",  # U.S. dollars
    "a.m.", "p.m.",  # 6.30 p.m. (often mid-sentence)
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",  # Jan. 5
})
# Of those, the ones that also end sentences: they continue one only before a lowercase word.
SENTENCE_END_ABBREVIATIONS = frozenset({"u.s.", "u.k.", "u.n.", "a.m.", "p.m."})
