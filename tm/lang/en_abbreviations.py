"""English abbreviation tables for sentence segmentation, as data.

Entries are lowercase, written as they appear before the space that follows them. The examples
marked "UNv1" are from the UN Parallel Corpus v1.0 dev set (United Nations; Ziemski,
Junczys-Dowmunt, Pouliquen, LREC 2016); tests/data/un_abbreviations.tsv holds them whole.
"""
from __future__ import annotations

# Abbreviations followed by more of the same sentence; each with an example.
ABBREVIATIONS = frozenset({
    "e.g.",  # e.g. Canada
    "i.e.",  # UNv1: "i.e. the Dominican Republic"
    "cf.",  # cf. para. 12
    "no.",  # UNv1: "Supplement No. 11 (A/69/11)"
    "nos.",  # Nos. 3 and 4
    "para.",  # UNv1: "(para. 97)"
    "paras.",  # UNv1: "(paras. 30-32)"
    "art.",  # art. 5
    "vol.",  # vol. II
    "p.",  # p. 45
    "pp.",  # pp. 45-46
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "st.", "jr.", "sr.",  # UNv1: "Mr. Ban Ki-moon"
    "vs.",  # Semilarski vs. the Prosecutor's Office
    "v.",  # UNv1: "in Prosecutor v. Kunarac, the Appeals Chamber"
    "approx.",  # approx. 30 per cent
    "fig.",  # fig. 3
    "ch.",  # ch. IV
    "sect.",  # sect. II
    "u.s.", "u.k.", "u.n.",  # U.S. dollars
    "a.m.", "p.m.",  # 6.30 p.m. (often mid-sentence)
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",  # Jan. 5
})
# Of those, the ones that also end sentences: they continue one only before a lowercase word.
SENTENCE_END_ABBREVIATIONS = frozenset({
    "u.s.", "u.k.", "u.n.", "a.m.", "p.m.",
    "al.",  # "et al. (2015) found": "Smith et al." may also end one
})
# Only . ! ? … end an English sentence: razdel's cut after ";" inside a list or a bracket is undone.
# UNv1: "The situation in Mali (4 April 2012; 6 January 2015)".
SENTENCE_END_MARKS = tuple(".!?…")
