"""Word lists and character tables for the `mt` detectors (written for this module).

Kept apart from the logic so that a reader can check a list without reading code, and a language
can be added by adding lines here.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- missing-sentence-boundary ------------------------------------------------------------------

#: Per language: function words that start sentences and are written lowercase inside one, so that
#: seeing one capitalized right after a lowercase word means a sentence boundary went missing
#: (``mistakes In the past``). Left out on purpose: one-letter words (``A``, ``I``, ``O``, ``E``,
#: ``Y``: vitamin A, the pronoun I, Portuguese articles), German ``Sie``/``Ihr``/``Ihre`` (the
#: polite "you" is capitalized mid-sentence), and words that are also common title words on
#: their own (``Us``, ``Up``, ``Her`` are film titles), and ``His``/``Him`` (capitalized for God in
#: religious text: ``you in His peace``). German nouns are capitalized, so German
#: gets only words that are never nouns.
SENTENCE_STARTERS: dict[str, frozenset[str]] = {
    "en": _words(
        "The In It We They He She This These Those There But However On At After When If"
        " For With Now Our Their Its Then What Why How Meanwhile Although While Since Many"
        " Some Most Both Even Still Despite During Instead Also Yet"
    ),
    "fr": _words(
        "Le La Les Il Elle Ils Elles Nous Mais Dans Un Une Ce Cette Ces On Pour Selon Après"
        " Depuis Lorsque Quand Si Son Sa Ses Leur Leurs Cependant Pourtant Alors Aujourd'hui"
    ),
    "de": _words(
        "Die Der Das Und Aber Es Er Wir Ich Im In Am Auf Nach Mit Bei Als Wenn Doch Dies Diese"
        " Dieser Dieses Zudem Außerdem Auch Damit Dann Denn Deshalb Jedoch Trotzdem Seit Man"
    ),
    "es": _words(
        "El La Los Las En Pero Es Un Una Este Esta Estos Estas Por Para Con Sin Según Tras"
        " Cuando Si Su Sus Además Ahora Hoy También"
    ),
    "pt": _words(
        "Os As Em No Na Nos Nas Um Uma Ele Ela Eles Elas Mas Isso Este Esta Estes Estas Para"
        " Com Segundo Quando Se Seu Sua Seus Suas Além Porém Hoje Também"
    ),
    "it": _words(
        "Il Lo La Gli Le Un Una In Ma Non Per Con Questo Questa Questi Queste Quando Se Secondo"
        " Dopo Inoltre Tuttavia Oggi Anche Suo Sua"
    ),
    "nl": _words(
        "De Het Een Maar En In Ze Wij We Hij Zij Dat Dit Deze Er Volgens Na Toen Als Ook Daarna"
        " Daarom Toch Zijn Haar Hun Vandaag"
    ),
}

#: Per language: lowercase words after which a capitalized word is a quoted title or a cited word
#: (``a film called It was``, ``the word The``), not a new sentence.
TITLE_INTRODUCERS: dict[str, frozenset[str]] = {
    "en": _words(
        "called titled entitled named dubbed film movie novel book song album single series"
        " show play musical magazine newspaper word words term reads read"
    ),
    "fr": _words(
        "appelé appelée intitulé intitulée film roman livre chanson album mot série journal"
    ),
    "de": _words("namens genannt betitelt"),
    "es": _words(
        "llamado llamada titulado titulada película novela libro canción álbum palabra serie diario"
    ),
    "pt": _words(
        "chamado chamada intitulado intitulada filme romance livro canção música álbum palavra"
        " série jornal"
    ),
    "it": _words(
        "chiamato chiamata intitolato intitolata film romanzo libro canzone album parola serie"
        " giornale"
    ),
    "nl": _words("genaamd getiteld film roman boek lied album woord serie krant"),
}

# -- unbalanced-bracket -------------------------------------------------------------------------

#: Words next to a bracket standing alone that show the text talks about the character
#: (``unmatched [ or (``, ``press the [ key``): "or" and words for brackets, keys and
#: characters, in the languages of the function-word lists and of software translations. No
#: articles, no "and" or "in": ``taking a ] chance``, ``Alemania ) en Berlín`` are leftovers.
NAMING_WORDS: frozenset[str] = _words(
    "or unmatched unbalanced missing opening closing open close left right"
    " bracket brackets brace braces parenthesis parentheses paren key character char symbol"
    " sign ou oder или символ скобка lub albo veya ose أو 或 或者 または 또는 या"
)

# -- repetition ---------------------------------------------------------------------------------

#: Words whose doubling (``the the``) is an error in every language that has them. Words that may
#: legitimately double are left out: English ``that that``, ``had had``, ``is is``, particles
#: (``give in in time``, ``carry on on``); German and Dutch relative pronouns after articles
#: (``die die``, ``der der``, ``das das``, ``dat dat``); French ``de``, ``la`` (``tra la la``) and
#: ``un`` (``un un deux``); Portuguese ``do``/``da`` (``diferente do do ano``); ``no`` (``no
#: no``), and emphatic words (``very very``, ``bye bye``), which are style.
DOUBLING_ERRORS: frozenset[str] = _words(
    # en
    "the a an of and with from these those their our its"
    # fr ("un un deux" is counting)
    " le les des du une et avec dans pour"
    # es
    " el los las una y con para del"
    # pt ("diferente do do ano passado": "from that of the")
    " os um uma com"
    # it
    " il gli lo della del con"
    # de
    " und mit für von zum zur einer eines"
    # nl
    " het een van voor"
)

#: Conjunctions: a short unit with one (``take and take and take``, ``their children and their
#: children``) is rhetoric, not a loop; a loop of a longer clause with ``and`` still counts.
CONJUNCTIONS: frozenset[str] = _words("and or und oder et ou y e ed o en och og и или та і")

#: Words that are repeated three times and more on purpose: laughter, chants, onomatopoeia.
REPEATED_ON_PURPOSE: frozenset[str] = _words(
    "ha ho he hi ah oh la na no yes yeah bla blah go da ta tra ja si sí bye boom bang tick tock"
    " knock woo wow hey hip hurray hooray ding dong bam pow zzz mm hmm ole olé"
)

# -- mixed-script-word --------------------------------------------------------------------------

#: Cyrillic and Greek letters that look like Latin ones (and the Latin letters that look like
#: Cyrillic ones): the letters a homoglyph swap uses.
CYRILLIC_LOOKALIKES = "аеорсухіјѕԁԛԝүһӏвкмнтАВЕКМНОРСТУХІЈЅԚԜҮҺӀ"
GREEK_LOOKALIKES = "αοκνιρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
LATIN_LOOKALIKES = "aeopcyxijshkmtABEKMHOPCTYXIJSZN"

#: Greek letters that, placed before Latin letters, make a unit (``μm``, ``μg``, ``Ωm``).
UNIT_PREFIXES = "μΩ"

# -- unpaired-quote -----------------------------------------------------------------------------

#: Opening quote -> the characters that may close it. Several conventions share characters: “…”
#: (English), „…“ (German), „…” (Polish), ”…” (Swedish), «…» (French, Russian), »…« (German,
#: Danish), »…» (Swedish); CJK corner brackets and title marks close with their own partner.
#: Straight and curly double quotes are mixed in real text (``"…”``), so they close each other.
QUOTE_CLOSERS: dict[str, str] = {
    '"': '"”“',
    "“": '”“"',
    "”": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«»",
    "‘": "’‘",
    "‚": "‘’",
    "‹": "›",
    "›": "‹›",
    "「": "」",
    "『": "』",
    "《": "》",
}
#: Quotes that open whatever surrounds them; the others open only in an opening position.
ALWAYS_OPENING = "„‚«「『《"
