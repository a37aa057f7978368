"""Word tables for the `rejoin` filters, kept apart from the logic (as ftfy keeps `chardata`).

The tables are small and hand-made; each says which decision it feeds. Words are casefolded.
The English word list (SCOWL size 50, see ``cleantext/data/SOURCE.md``) is loaded lazily, once,
the first time a hyphenated line break needs it.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Words that, right before a 1-3 digit run at a line end, say "a year follows" (``collapsed in
#: 201`` / ``4``). Prepositions of time in English and the main Western European languages. NOT
#: here on purpose: ``of``, ``to``, ``by`` and ``between`` (``a total of 20`` / ``17 people``;
#: ``aged 16 to 20`` / ``17 and under``) and month names (``May 20`` / ``14`` is a day, not
#: ``May 2014``): they take counts and days as often as years.
TEMPORAL_WORDS: frozenset[str] = _words(
    """
    in since until till from before after during circa around early late mid year fiscal
    spring summer autumn fall winter
    en depuis dès jusqu'en avant après année
    im seit bis ab vor nach jahr jahre
    desde hasta antes después año
    em até ano
    nel dal fino anno
    sinds tot vanaf jaar
    """
)

#: The subset of `TEMPORAL_WORDS` that takes years far more often than hours or counts; enough
#: for a two-digit left piece (``in 20`` / ``17 and``). ``until 19`` is 7 p.m.; ``from 20`` /
#: ``to 30`` is a range.
YEAR_PREPOSITIONS: frozenset[str] = _words(
    "in since early late mid fiscal year en depuis im seit desde em nel sinds "
    "jahr jahres année año anno ano jaar"
)

#: Lowercase words that may follow a year (``20`` / ``17 and``): function words, the verbs that
#: follow a year as a subject, and the word "year" where a language writes it after the number
#: (Russian ``году``, Ukrainian ``році``, Polish ``roku``, Turkish ``yılında``, Georgian
#: ``წლის``, Armenian ``թվականին`` and its abbreviation ``թ.``). Count nouns (``17 people``,
#: ``14 days``) are NOT here: after them the number is a count, and a join would corrupt it.
YEAR_FOLLOWERS: frozenset[str] = _words(
    """
    and or but when while after before as until since to the a an in on at by with for from of
    that which who where because so then than through into during following onwards onward
    was were is are had has have will would could should saw marked brought began ended
    et ou quand le la les und oder als bis y o cuando e ou quando ed
    году года год годах годы гг г році року рік роках р roku rok roce r
    yılında yılı yılının yılda yıl წლის წელს წელი წლიდან წ թվականին թվականի թվականը թ
    évben évi évet vuonna jaar jahr år
    """
)

#: Month names (casefolded, with common abbreviations): a one- or two-digit number after one is
#: a day (``October 20`` / ``29, closed``), never the first half of a year.
MONTHS: frozenset[str] = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio
    settembre ottobre dicembre janeiro fevereiro março maio junho julho setembro outubro
    novembro dezembro januari februari maart mei augustus
    """
)

#: Magnitude words and units that make ``$4.`` / ``5 billion`` a decimal, not a sentence end.
MAGNITUDES: frozenset[str] = _words("thousand million billion trillion bn mn tn m k")
UNITS: frozenset[str] = _words(
    """
    percent per pc pct % ‰ km kg mg g cm mm m² km² mph kph km/h mi miles metres meters
    tonnes tons litres liters barrels hectares acres degrees points
    """
)

#: Words a decimal money amount is followed by (``$4.5 billion in aid``), as opposed to a count
#: (``5 million people``), when the left side ended in ``.`` and could be a sentence end.
MONEY_FOLLOWERS: frozenset[str] = _words(
    "in for to from on over worth deal loan plan package a per annually"
)

#: Currency signs that may stand before a number.
CURRENCY_SIGNS = "$€£¥₹₽₩₺₴₦₱"

#: Second halves that make a hyphenated compound (``Iran-`` / ``backed``): the hyphen stays and
#: only the line break goes. Checked after the document and the word list, so ``whole-`` /
#: ``sale`` still becomes ``wholesale``.
COMPOUND_SUFFIXES: frozenset[str] = _words(
    """
    backed based led funded owned run born made style like old year years day week month
    free friendly related wide term level class scale time sized size long aged minded
    oriented focused driven linked allied affiliated controlled dominated inspired
    speaking bound proof ready sponsored supported leaning elect designate
    """
)

#: Frequent English function words, and those of the languages whose words most often split into
#: two English-looking halves (``eben-`` / ``falls``, ``com-`` / ``me``). They decide whether a
#: document is English enough for "both halves are English words" to mean a compound.
ENGLISH_FUNCTION_WORDS: frozenset[str] = _words(
    "the and of to is was that for with it on as are by this be at from have has not but were "
    "they which their will would been its"
)
OTHER_FUNCTION_WORDS: frozenset[str] = _words(
    "der das und ist nicht ein eine mit sich auch le la les et est des une du pas sur el los "
    "las y es del una por con il di che della het een van niet um os não uma para"
)

#: Words after ``pre-`` / ``and post-war``: a suspended hyphen, not a broken word or compound.
SUSPENDED_HYPHEN_FOLLOWERS: frozenset[str] = _words("and or nor to und oder et ou y o e")


@cache
def english_words() -> frozenset[str]:
    """The casefolded SCOWL size-50 English word list (75,119 words; loaded once)."""
    data = resources.files("cleantext").joinpath("data/english_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())
