"""English: the language profile and the word tables the stages read through it.

The segmenter's abbreviation tables are in tm.lang.en_abbreviations: tm.segment.english reads
them when it is imported, and this module imports the segmenter.
"""
from __future__ import annotations

from types import MappingProxyType

from tm.lang.en_abbreviations import ABBREVIATIONS
from tm.lang.profile import LanguageProfile

# Compounds whose first part keeps its hyphen at a line break: "non-|governmental".
HYPHEN_PREFIXES = frozenset({
    "all", "anti", "co", "cross", "ex", "follow", "full", "high", "large", "long", "low", "mid",
    "non", "post", "pre", "self", "short", "small", "so", "well", "world",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
})
# Capitalised function words: mid-text they start a sentence the segmenter missed; before a
# cut they leave a phrase unfinished ("the | Moscow").
FUNCTION_WORDS = frozenset([
    "a", "an", "the", "in", "on", "at", "to", "of", "for", "from", "by", "with", "as", "after",
    "before", "since", "during", "when", "while", "if", "but", "and", "or", "so", "yet", "it",
    "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here",
    "his", "her", "their", "our", "my", "your", "however", "meanwhile", "also", "now", "today",
    "yesterday", "earlier", "later", "then", "according", "what", "why", "how", "who", "where",
    "which", "one", "two", "three", "four", "five", "several", "many", "some", "most", "all", "no",
    "not", "despite", "although", "because",
    # particles inside names: 'Vasco da | Gama'
    "de", "da", "di", "del", "la", "le", "von", "van", "der", "bin", "ibn",
    # prepositions and conjunctions that want what follows: 'namely | Intihuatana'
    "against", "namely", "over", "under", "through", "about", "between", "into", "onto", "than",
    "toward", "towards", "via", "per", "including", "like", "among", "whom", "whose", "upon", "within",
    "without",
])
# Words that precede a name: 'Hurricane | Hanna', 'Pope | Francis', 'July | 24'.
NAME_TITLES = frozenset([
    "hurricane", "storm", "typhoon", "president", "minister", "governor", "mayor", "general", "admiral",
    "captain", "colonel", "king", "queen", "prince", "princess", "pope", "saint", "st", "mount",
    "lake", "cape", "fort", "port", "san", "santa", "sir", "lord", "lady", "mr", "mrs", "ms", "dr",
    "professor", "senator", "judge", "chancellor", "secretary", "director", "chairman", "head",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
])
# English nouns that end a multi-word name: "the Nobel | Committee", "Manchester | City".
NAME_HEADS = frozenset([
    "committee", "commission", "council", "assembly", "court", "ministry", "department", "office",
    "agency", "service", "bank", "fund", "company", "corporation", "group", "party", "union",
    "league", "cup", "games", "championship", "series", "city", "park", "street", "square",
    "avenue", "road", "bridge", "east", "west", "north", "south", "states", "kingdom", "republic",
    "federation", "nations", "region", "district", "okrug", "krai", "oblast", "province", "county",
    "ocean", "sea", "river", "lake", "bay", "gulf", "island", "islands", "mountains", "valley",
    "cape", "route", "army", "navy", "fleet", "forces", "guard", "day", "victory", "war", "parade",
    "university", "college", "school", "institute", "academy", "museum", "theatre", "theater",
    "hospital", "centre", "center", "station", "airport", "stadium", "arena", "church", "cathedral",
    "palace", "house", "ages", "age", "empire", "prize", "award", "times", "post", "journal",
    "news", "club", "team", "hall", "tower", "canal", "desert", "coast", "peninsula", "harbour",
    "harbor", "ministry", "advisor", "adviser", "security", "affairs", "energy", "defense", "defence",
])
# Prefixes that are also the first syllable of many words, split there by hyphenation: dev reports
# (unpdf-dev, -layout) have "ex-|pect", "ex-|ploitation", "pre-|vent", "co-|ordination", "so-|lutions",
# "high-|lighted", "Co-|moros".
SYLLABLE_PREFIXES = frozenset({"co", "ex", "pre", "post", "so", "high", "low", "long", "short", "small", "large",
                               "world", "follow", "mid", "full"})
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# UN style writes these prefixes with a hyphen (UNv1 dev set: "non-governmental" 60 times,
# "nongovernmental" twice, the lost hyphens of an extraction); the solid words that start so.
HYPHENED_PREFIXES = frozenset({"non", "self"})
SOLID_WORDS = frozenset({"nonetheless", "nonsense", "nonsensical", "selfish", "selfishness", "selfless"})

ENGLISH = LanguageProfile(
    code="en",
    segmenter="english",
    hyphenation="prefixes",
    hyphen_prefixes=HYPHEN_PREFIXES,
    syllable_prefixes=SYLLABLE_PREFIXES,
    hyphened_prefixes=HYPHENED_PREFIXES,
    solid_words=SOLID_WORDS,
    abbreviations=ABBREVIATIONS,
    transliteration=MappingProxyType({}),
    dictionary=False,
    refine_vetoes=(
        "after_function_word", "before_bracket", "inside_quotation", "inside_open_quote", "initial_or_numeral",
        "possessive", "title_before_name", "demonym", "name_head", "title_case_run", "letter_label", "list_marker",
    ),
    function_words=FUNCTION_WORDS,
    name_titles=NAME_TITLES,
    name_heads=NAME_HEADS,
    demonym_endings=DEMONYM_ENDINGS,
)
