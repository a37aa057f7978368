"""Tables for `cleantext.langid`: the most frequent function words of languages that share a script.

Written for this module from general knowledge of each language (no corpus licence attached).
Only words that are frequent in running text are listed; `langid` keeps, per script, the words
that are *distinctive* (listed for one language of that script only), so that overlaps such as
``de`` (French, Spanish, Portuguese, Dutch) or ``die`` (English, German) carry no vote.
"""

from __future__ import annotations

#: Function words per language (ISO 639-1 codes, as langdetect names them), grouped by script.
STOPWORDS: dict[str, dict[str, str]] = {
    "Latin": {
        "en": (
            "the and of to is was that with for this are have has had it its they their which "
            "from were been would will said not but by be he she his her we our you an at on or "
            "who what when there after about more also can could than into out up one all if did "
            "does should these those because while over some other just only them him how a in i "
            "no so as my me us do go per come war am son ten met hat era plus wake al"
        ),
        "fr": (
            "le la les des du un une et est dans pour que qui pas sur au aux avec ce cette ces il "
            "elle ils elles nous vous sont ont été mais par plus son sa ses leur leurs ne se y "
            "être avait était fait comme aussi tout très entre après selon lors dont où même deux "
            "depuis en a à ou sous de je si dit on"
        ),
        "de": (
            "der die das und ist nicht den dem des mit von zu auf für sich ein eine einen einem "
            "einer auch es an als wie im am aus bei nach wird werden wurde wurden sind hat haben "
            "hatte war noch nur oder aber sie er wir ich dass über vor zum zur um durch seine "
            "ihre kann mehr schon sein gegen in so da wo was"
        ),
        "es": (
            "el la los las de del en y que un una es por para con se su sus al lo como más pero "
            "fue ha han este esta son está están también sobre entre cuando muy sin hasta desde "
            "dijo ya porque todo le les hay había ser si a o no me mi ni dos era nos"
        ),
        "pt": (
            "o os a as de do da dos das em no na nos nas e que um uma é para com não por se mais "
            "foi ao aos como mas seu sua ele ela eles também são está pelo pela ser tem há já "
            "disse quando muito isso essa este esta entre sobre me lhe nem ou à"
        ),
        "it": (
            "il lo la i gli le di del della dei delle e è che un una per con non in da dal nella "
            "nel sono si ha hanno anche ma come più questo questa al alla sul sulla stato stata "
            "era essere dopo tra loro suo sua detto ancora a o ad ed ci ne mi ti vi all quando su "
            "se"
        ),
        "nl": (
            "de het een en van in is op te dat die niet met voor zijn er aan ook als bij door "
            "maar om uit naar over werd worden wordt heeft hebben was zij hij ze wij we nog dan "
            "tot kan meer deze dit al of geen zou hun ik je u zo wel nu ja had na me hem"
        ),
        "pl": (
            "i w z na się nie do że to jest o a od po jak ale za dla co przez jego jej są był "
            "była było ich tak już oraz który która które także może też tym ten ta te przy jako "
            "został będzie tylko ze we ja ty my go mu ma by on"
        ),
        "tr": (
            "ve bir bu da de için ile olarak çok daha ama gibi olan en ne o ki her kadar sonra "
            "değil var yok şey ancak göre tarafından bunu bunun onun olduğunu dedi ise veya hem "
            "diye çünkü şu mi mı ya ben sen biz in un e a den i son"
        ),
        "id": (
            "yang dan di ke dari untuk ini itu dengan tidak dalam akan pada adalah juga ada oleh "
            "mereka kami saya atau karena telah sudah bisa dapat lebih kata seperti tersebut "
            "bahwa hanya setelah tahun para sebagai namun masih harus ia kita anda pun lagi as"
        ),
        "sw": (
            "na ya wa kwa za la katika ni kuwa hiyo huo hii lakini pia kama au wake yake cha vya "
            "kutoka alisema baada sana zaidi hata wakati ambao ambayo ambaye kwamba hilo wao yetu "
            "si"
        ),
        "vi": (
            "của và là các có được trong cho không những với một này đã người đến khi từ để về "
            "cũng như ông bà sẽ tại theo năm nhưng đó ra còn nói họ vào lại rất ta con do hay"
        ),
    },
    "Cyrillic": {
        "ru": (
            "и в не на что с по он она они это как из за к но для от о так его ее её был была "
            "были было также который которые которая уже году будет может при только до после бы "
            "же или ли мы вы я ему их у"
        ),
        "uk": (
            "і й в у не на що з із по він вона вони це як до за від для але його її був була були "
            "було також який які яка вже році буде може при лише після б ж або чи ми ви я їх так"
        ),
    },
    "Arabic": {
        "ar": (
            "في من على إلى أن التي الذي عن مع هذا هذه كان قد لا ما أو بين كما بعد وقال التى إن الى"
        ),
        "fa": (
            "و در به از که این را با است برای آن یک شد می ها شده هم بود کرد تا نیز اما خود کند "
            "بعد من ما"
        ),
        "ur": ("کے میں کی ہے اور سے کو نے کا پر یہ ہیں کہ تھا تھی گیا بھی ایک ہو وہ لیے بعد"),
    },
    "Devanagari": {
        "hi": ("के में की है और से को ने का पर यह हैं कि था थी गया भी एक हो वह लिए या"),
        "mr": ("आहे आणि या व हे ते त्या केले होते आहेत मध्ये हा"),
        "ne": ("छ र मा गरेको पनि भएको छन् थियो"),
    },
}

#: Words of one list that are also frequent words of another language of the same script (not
#: always a function word there: Spanish ``no``, Portuguese ``as``, Vietnamese ``ta``, English
#: ``all`` in Italian text, the ``ve`` of a split ``I've``). Measured on NTREX-128: each of these
#: drew more than 15 votes for the wrong language in some translation. They vote for nobody.
_AMBIGUOUS = (
    "no as ta all had quando su dos ma on dit nos hem era werden desde non tra em ni per come ve"
    " war am porque sul todo sur ten wie worden là sa du one hay by"
)
AMBIGUOUS: frozenset[str] = frozenset(_AMBIGUOUS.split())

#: Scripts used by (practically) one language: no statistics needed.
SCRIPT_LANGUAGE: dict[str, str] = {
    "Hangul": "ko", "Thai": "th", "Georgian": "ka", "Armenian": "hy", "Hebrew": "he",
    "Greek": "el", "Bengali": "bn", "Gujarati": "gu", "Gurmukhi": "pa", "Tamil": "ta",
    "Telugu": "te", "Kannada": "kn", "Malayalam": "ml", "Sinhala": "si", "Khmer": "km",
    "Lao": "lo", "Myanmar": "my", "Ethiopic": "am", "Tibetan": "bo", "Thaana": "dv",
}  # fmt: skip
