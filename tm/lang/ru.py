"""Russian: the language profile and the word tables the stages read through it.

The segmenter's abbreviation tables are in tm.lang.ru_abbreviations: tm.segment.russian reads
them when it is imported, and this module imports the segmenter.
"""
from __future__ import annotations

from types import MappingProxyType

from tm.lang.profile import LanguageProfile
from tm.lang.ru_abbreviations import MAYBE_FINAL, NEVER_FINAL

# Cyrillic letter -> Latin spelling, the usual news transliteration (Путин -> putin).
TRANSLITERATION = MappingProxyType({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})

# Capitalised function words: mid-text they start a sentence the segmenter missed; before a
# cut they leave a phrase unfinished ("в | Москве").
FUNCTION_WORDS = frozenset([
    "в", "во", "на", "по", "с", "со", "к", "о", "об", "от", "из", "за", "для", "при", "до", "после",
    "это", "этот", "эта", "эти", "тот", "та", "те", "там", "здесь", "как", "но", "а", "и", "или",
    "однако", "также", "тогда", "теперь", "сегодня", "вчера", "ранее", "позже", "он", "она", "оно",
    "они", "мы", "я", "вы", "его", "ее", "её", "их", "что", "почему", "где", "кто", "когда", "если",
    "хотя", "потому", "поэтому", "кроме", "между", "среди", "у", "не", "ни", "все", "всё", "многие",
    "некоторые",
    # particles inside names: 'Пьер де | Кубертен'
    "де", "да", "ди", "дель", "ла", "ле", "фон", "ван", "бен", "ибн",
    # prepositions and conjunctions that want what follows: 'против | Китая'
    "против", "над", "под", "через", "чтобы", "именно", "перед", "без", "около", "вокруг", "ради",
    "про", "вместо", "вроде", "чем",
])
ENCLITICS = frozenset({"ли", "же", "ж", "бы", "б"})
PLACE_WORDS = frozenset({
    "улица", "улице", "улицы", "проспект", "проспекте", "площадь", "площади", "переулок", "шоссе",
    "город", "городе", "города", "село", "селе", "деревня", "деревне", "поселок", "посёлок", "река",
    "реке", "реки", "озеро", "озере", "остров", "острове", "острова", "станция", "станции", "аэропорт",
    "аэропорту", "стадион", "стадионе", "компания", "компании", "газета", "газеты", "журнал", "агентство",
})

# Prefixes that Russian writes solid, though each is also a word of the dictionary:
# "транскорейской", "контрмеры", "микрофинансирования", "полуавтономных", "одностороннее".
SOLID_PREFIXES = frozenset({
    "транс", "контр", "супер", "ультра", "экстра", "гипер", "интер", "микро", "макро", "мульти", "полу",
    "пост", "пред", "сверх", "меж", "над", "под", "без", "раз", "про", "одно", "много", "само", "взаимо",
    "обще", "высоко", "низко", "широко", "узко", "нарко", "авиа", "авто", "агро", "гидро", "электро",
})

RUSSIAN = LanguageProfile(
    code="ru",
    segmenter="russian",
    hyphenation="dictionary",
    abbreviations=NEVER_FINAL | MAYBE_FINAL,
    transliteration=TRANSLITERATION,
    dictionary=True,
    refine_vetoes=(
        "after_function_word", "before_bracket", "opening_quote", "inside_open_quote", "initial_or_numeral",
        "number_in_russian", "latin_after_word", "emphasis", "enclitic", "place_word", "name_pair", "first_name",
        "apposition", "after_verb", "adjective_noun", "genitive_continuation", "oblique_start", "wants_more",
        "letter_label",
    ),
    function_words=FUNCTION_WORDS,
    enclitics=ENCLITICS,
    place_words=PLACE_WORDS,
    solid_prefixes=SOLID_PREFIXES,
)
