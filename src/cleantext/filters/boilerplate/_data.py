"""Phrase tables for the `boilerplate` filter: page furniture in several languages.

Each table maps a language to the wording a site uses for one kind of residue line. The filter
only drops a line that consists of such wording *as a whole* (see the patterns in
`boilerplate.py`), so these phrases are safe to list even though every one of them can also occur
inside a sentence. Keep them lower-case; matching is case-insensitive.

Languages: English, French, German, Spanish, Portuguese, Italian, Dutch and Russian.
"""

from __future__ import annotations

#: Words that open a breadcrumb trail ("Home / World / ...", "Accueil > Monde").
HOME_WORDS: tuple[str, ...] = (
    "home", "homepage", "home page", "front page", "main page",
    "accueil", "page d'accueil", "page d’accueil",
    "startseite", "start",
    "inicio", "portada", "página principal",
    "início", "página inicial",
    "pagina iniziale", "prima pagina",
    "voorpagina",
    "главная", "главная страница",
)  # fmt: skip

#: "Source link" footers (the `Source: <URL>` form is a separate pattern).
SOURCE_LINK: tuple[str, ...] = (
    "source link", "source url", "original source", "link to source", "source article",
    "view original article", "see original article", "original article",
    "lien source", "lien vers la source", "article original", "source de l'article",
    "source de l’article",
    "quelllink", "quelle link", "link zur quelle", "originalartikel", "zum originalartikel",
    "enlace fuente", "enlace de origen", "fuente original", "artículo original",
    "link da fonte", "link de origem", "fonte original", "artigo original",
    "link alla fonte", "link fonte", "fonte originale", "articolo originale",
    "bronlink", "originele bron", "origineel artikel",
    "ссылка на источник", "источник ссылка", "оригинал статьи", "первоисточник",
    "kaynak bağlantısı", "link źródłowy", "odkaz na zdroj", "liên kết nguồn", "tautan sumber",
    "رابط المصدر", "لینک منبع", "קישור למקור", "посилання на джерело", "πηγή άρθρου",
    "原文链接", "原文連結", "元記事", "원문 보기", "원문보기",
)  # fmt: skip

#: Words that name a source before a URL: "Source: https://...".
SOURCE_WORDS: tuple[str, ...] = (
    "source", "sources", "original source", "via", "quelle", "fuente", "fonte", "bron",
    "источник",
)  # fmt: skip

#: Link prompts: the line is the prompt, optionally followed by a site, a URL or a title.
READ_MORE: tuple[str, ...] = (
    "read more", "read more here", "read the rest", "read the full article", "read the full story",
    "read full article", "read full story", "read the full post", "read also", "also read",
    "continue reading", "keep reading", "more here", "full story", "full article",
    "see more", "learn more", "find out more",
    "lire la suite", "lire plus", "lire aussi", "à lire aussi", "a lire aussi", "en savoir plus",
    "suite de l'article", "suite de l’article", "voir aussi",
    "weiterlesen", "mehr lesen", "mehr dazu", "lesen sie auch", "lesen sie mehr", "mehr erfahren",
    "zum artikel", "weiter lesen",
    "leer más", "leer mas", "seguir leyendo", "sigue leyendo", "lee también", "lea también",
    "leer también", "ver más", "más información",
    "leia mais", "leia também", "continue lendo", "continuar lendo", "saiba mais", "ver mais",
    "leggi di più", "leggi tutto", "leggi anche", "continua a leggere", "continua", "scopri di più",
    "lees meer", "lees verder", "lees ook", "meer lezen",
    "читать далее", "читать полностью", "читайте также", "подробнее", "читать еще",
    "читать ещё", "далее",
    # more languages (sites keep their UI strings in any language, or in English)
    "διαβάστε περισσότερα", "διαβάστε επίσης", "और पढ़ें", "यह भी पढ़ें", "আরও পড়ুন",
    "続きを読む", "もっと見る", "더 보기", "더보기", "기사 더보기", "阅读更多", "閱讀更多",
    "查看更多", "阅读全文", "閱讀全文", "baca juga", "baca selengkapnya", "soma zaidi",
    "devamını oku", "czytaj więcej", "czytaj dalej", "číst dále", "čtěte také", "đọc thêm",
    "xem thêm", "اقرأ المزيد", "اقرأ أيضا", "اقرأ أيضاً", "ادامه مطلب", "بیشتر بخوانید",
    "קרא עוד", "קראו עוד", "читати далі", "читайте також", "կարդալ ավելին", "läs mer",
    "les mer", "læs mere", "lue lisää", "tovább", "citește mai mult", "อ่านเพิ่มเติม",
)  # fmt: skip

#: Share prompts ("Share this:", "Share on Facebook").
SHARE: tuple[str, ...] = (
    "share this", "share this article", "share this story", "share this post", "share this page",
    "share on", "share", "share it", "spread the word", "please share", "sharing is caring",
    "partager", "partager cet article", "partagez", "partagez cet article", "partager sur",
    "teilen", "diesen artikel teilen", "artikel teilen", "teilen auf", "jetzt teilen",
    "compartir", "compartir en", "comparte", "comparte este artículo", "compartir este artículo",
    "compartilhar", "compartilhe", "compartilhar no", "partilhar", "partilhe",
    "condividi", "condividi su", "condividi questo articolo", "condividere",
    "delen", "deel", "deel dit artikel",
    "поделиться", "поделитесь", "поделиться в", "поделитесь с друзьями",
)  # fmt: skip

#: Social network and sharing-button names (a line of nothing else is a share bar).
SOCIAL_NAMES: tuple[str, ...] = (
    "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "tumblr", "whatsapp",
    "telegram", "email", "e-mail", "mail", "print", "google+", "google plus", "google",
    "pocket", "skype", "flipboard", "messenger", "sms", "vk", "vkontakte", "вконтакте",
    "одноклассники", "ok", "weibo", "wechat", "line", "viber", "digg", "stumbleupon", "mix",
    "youtube", "instagram", "tiktok", "rss", "more", "tweet", "pin", "like", "share",
    "imprimer", "drucken", "imprimir", "stampa", "afdrukken", "печать", "gab", "minds", "parler",
)  # fmt: skip

#: Names that must appear for a line to count as a share bar (not just "Email | Print").
SOCIAL_NETWORKS: frozenset[str] = frozenset(
    (
        "facebook", "twitter", "linkedin", "pinterest", "reddit", "tumblr", "whatsapp",
        "telegram", "google+", "google plus", "flipboard", "vk", "vkontakte", "вконтакте",
        "одноклассники", "weibo", "wechat", "digg", "stumbleupon", "youtube", "instagram",
        "tiktok", "gab", "minds", "parler",
    )
)  # fmt: skip

#: Verbs that open a "follow us" line ("Follow us on Twitter", "Like us on Facebook").
FOLLOW: tuple[str, ...] = (
    "follow", "follow us", "follow me", "like us", "like me", "find us", "join us",
    "connect with us",
    "check us out", "check me out", "subscribe to our channel", "subscribe to our youtube channel",
    "suivez-nous", "suivez nous", "rejoignez-nous", "retrouvez-nous",
    "folgen sie uns", "folge uns", "finden sie uns",
    "síguenos", "siguenos", "síganos", "únete", "encuéntranos",
    "siga-nos", "siga nos", "sigam-nos", "curta", "curta nossa página",
    "seguici", "seguiteci", "trovaci",
    "volg ons", "vind ons",
    "подписывайтесь на нас", "присоединяйтесь", "мы в", "наш канал в",
)  # fmt: skip

#: Subscription and newsletter prompts.
SUBSCRIBE: tuple[str, ...] = (
    "subscribe", "subscribe now", "subscribe here", "subscribe today", "sign up", "sign up now",
    "sign up for our newsletter", "join our newsletter", "get our newsletter",
    "abonnez-vous", "abonnez vous", "inscrivez-vous", "s'abonner", "s’abonner",
    "abonnieren", "jetzt abonnieren", "newsletter abonnieren", "melden sie sich an",
    "suscríbete", "suscribete", "suscribirse", "suscríbase", "regístrate",
    "assine", "inscreva-se", "assinar", "assine já",
    "iscriviti", "abbonati", "iscriviti alla newsletter",
    "abonneer", "abonneer nu", "schrijf je in",
    "подписывайтесь", "подписаться", "подпишитесь",
)  # fmt: skip

#: Advertisement labels (the whole line).
ADVERTISEMENT: tuple[str, ...] = (
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
    "sponsored content", "sponsored links", "paid content", "promoted content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading the main story", "scroll to continue with content",
    "publicité", "annonce", "contenu sponsorisé",
    "anzeige", "werbung", "gesponsert",
    "publicidad", "anuncio", "contenido patrocinado",
    "publicidade", "anúncio", "conteúdo patrocinado",
    "pubblicità", "annuncio", "contenuto sponsorizzato",
    "advertentie", "gesponsord",
    "реклама", "рекламa", "спонсорский материал",
    "διαφήμιση", "विज्ञापन", "বিজ্ঞাপন", "広告", "광고", "广告", "廣告", "iklan", "reklam",
    "reklama", "quảng cáo", "إعلان", "تبلیغات", "פרסומת", "tangazo", "annons", "mainos",
    "hirdetés", "publicitate", "โฆษณา",
)  # fmt: skip

#: "Filed under:" and other taxonomy lines (each is followed by a list of terms).
FILED_UNDER: tuple[str, ...] = (
    "filed under", "posted in", "tagged", "tagged with", "tags", "tag", "categories", "category",
    "topics", "more on", "keywords",
    "classé dans", "catégories", "catégorie", "mots-clés", "mots clés", "étiquettes",
    "abgelegt unter", "kategorien", "kategorie", "schlagwörter", "schlagworte", "stichworte",
    "archivado en", "etiquetas", "categorías", "categoría", "temas",
    "arquivado em", "categorias", "marcadores",
    "archiviato in", "categorie", "argomenti", "parole chiave",
    "gearchiveerd onder", "categorieën", "trefwoorden",
    "рубрика", "рубрики", "теги", "метки", "категории", "ключевые слова",
)  # fmt: skip

#: "Related" headings (whole line).
RELATED: tuple[str, ...] = (
    "related", "related posts", "related articles", "related stories", "related content",
    "related news", "related links", "related reading", "related topics", "related coverage",
    "you may also like", "you might also like", "recommended", "recommended for you",
    "recommended reading", "more stories", "more from", "most popular", "trending",
    "articles similaires", "articles liés", "sur le même sujet", "à lire également",
    "vous aimerez aussi",
    "ähnliche artikel", "verwandte artikel", "das könnte sie auch interessieren", "mehr zum thema",
    "artículos relacionados", "noticias relacionadas", "te puede interesar",
    "también te puede interesar",
    "artigos relacionados", "notícias relacionadas", "você também pode gostar", "veja também",
    "articoli correlati", "notizie correlate", "potrebbe interessarti", "ti potrebbe interessare",
    "gerelateerde artikelen", "lees ook",
    "похожие статьи", "похожие записи", "похожие новости", "по теме", "материалы по теме",
    "вам может понравиться", "рекомендуем",
)  # fmt: skip

#: "All rights reserved" and its translations (a copyright footer line).
ALL_RIGHTS_RESERVED: tuple[str, ...] = (
    "all rights reserved", "some rights reserved",
    "tous droits réservés", "tous droits reserves",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "alle rechten voorbehouden",
    "все права защищены",
)  # fmt: skip

#: Comment prompts and counters (whole line).
COMMENTS: tuple[str, ...] = (
    "leave a comment", "leave a reply", "add a comment", "post a comment", "comments", "comment",
    "no comments", "view comments", "show comments", "join the discussion", "join the conversation",
    "laisser un commentaire", "commentaires", "ajouter un commentaire",
    "kommentar schreiben", "kommentare", "kommentieren",
    "deja un comentario", "dejar un comentario", "comentarios",
    "deixe um comentário", "deixe seu comentário", "comentários",
    "lascia un commento", "commenti",
    "reageer", "reacties", "laat een reactie achter",
    "комментарии", "оставить комментарий", "добавить комментарий",
)  # fmt: skip

#: Small UI strings that are never a line of prose on their own.
UI_LINES: tuple[str, ...] = (
    "like this:", "like loading...", "like loading…", "loading...", "loading…",
    "like this: like loading...", "like this: like loading…",
    "watch on youtube", "watch the video", "click to enlarge", "click to expand", "expand",
    "expand | collapse", "back to top", "skip to content", "skip to main content",
    "print this article", "print this page", "email this article", "email this story",
    "toggle navigation", "close", "open in app", "view gallery", "view slideshow",
    "view this article", "view article", "view original", "view the original",
    "click here", "click here to read more", "click here for more", "click here to subscribe",
    "cliquez ici", "hier klicken", "haga clic aquí", "clique aqui", "clicca qui", "klik hier",
    "нажмите здесь",
)  # fmt: skip

#: Openers of image-credit lines ("Photo credit: ...", "Featured image via ...").
IMAGE_CREDIT: tuple[str, ...] = (
    "photo credit", "photo credits", "image credit", "image credits", "picture credit",
    "featured image", "featured image via", "featured image credit", "header image",
    "top image", "image via", "photo via", "image source", "photo source", "lead image",
    "crédit photo", "crédits photo", "crédit image", "bildquelle", "bildnachweis", "fotonachweis",
    "crédito de la imagen", "crédito de la foto", "crédito da imagem", "crédito da foto",
    "fonte immagine", "credito fotografico", "credito foto", "fotocredit", "beeldbron",
    "источник фото", "фото предоставлено",
)  # fmt: skip


#: The word before an author's name in a byline (``By Jane Doe``, ``Von Max Muster``): bylines are
#: the author, not furniture, and a CMS byline (``Posted on <date> by <user>``) is furniture.
BYLINE_WORDS = ("by", "par", "von", "por", "da", "di", "door", "автор")


#: Labels a site puts before a promoted headline it inserts under every title ("Headline:",
#: "Trending:"). Only a labelled line among the first lines, shaped like a headline, goes.
PROMO_LABELS: tuple[str, ...] = (
    "headline", "headlines", "trending", "trending now", "trending news", "top story",
    "top stories", "hot", "hot news", "featured", "editor's pick", "editors' picks", "don't miss",
    "must read", "breaking", "breaking news", "also trending", "popular now", "sponsored",
    "promoted", "recommended",
    "à la une", "tendance", "à ne pas manquer",
    "schlagzeile", "im trend", "top-thema", "nicht verpassen",
    "titular", "tendencia", "destacado", "no te pierdas",
    "manchete", "destaque", "em alta", "não perca",
    "in evidenza", "da non perdere", "di tendenza",
    "uitgelicht", "trending nu",
    "главное", "в тренде", "не пропустите",
)  # fmt: skip

#: Reader polls and rating widgets ("73% of readers think this story is Fact").
RATING: tuple[str, ...] = (
    r"%\s+of\s+readers\s+(?:think|found|say|rated|believe)",
    r"of\s+readers\s+think\s+this\s+(?:story|article|post)\s+is",
    r"add\s+your\s+two\s+cents",
    r"rate\s+this\s+(?:article|story|post)",
    r"was\s+this\s+(?:article|story|post)\s+helpful\s*\?",
    r"how\s+(?:useful|helpful)\s+was\s+this\s+(?:article|post|story)\s*\?",
    r"%\s+des\s+lecteurs\s+(?:pensent|trouvent)",
    r"notez\s+cet\s+article",
    r"%\s+der\s+leser\s+(?:finden|denken|meinen)",
    r"artikel\s+bewerten",
    r"%\s+de\s+los\s+lectores\s+(?:piensa|piensan|cree|creen)",
    r"califica\s+este\s+artículo",
    r"%\s+dos\s+leitores\s+(?:acham|acha|pensam)",
    r"avalie\s+este\s+artigo",
    r"%\s+dei\s+lettori\s+(?:pensa|pensano|ritiene)",
    r"vota\s+questo\s+articolo",
    r"%\s+читателей\s+(?:считают|думают)",
    r"оцените\s+статью",
)

#: Comment policies and prompts written as a sentence ("Please adhere to our commenting policy").
COMMENT_POLICY: tuple[str, ...] = (
    r"(?:please\s+)?(?:adhere|read|follow|respect)\s+(?:to\s+)?our\s+comment(?:ing)?\s+(?:policy|guidelines|rules)",
    r"comment(?:ing)?\s+policy\s*:",
    r"comments\s+are\s+(?:closed|moderated|now\s+closed)",
    r"let\s+(?:me|us)\s+know\s+(?:below\s+)?in\s+the\s+comments?(?:\s+section)?",
    r"you\s+must\s+be\s+logged\s+in\s+to\s+(?:post\s+a\s+)?comment",
    r"les\s+commentaires\s+sont\s+(?:fermés|modérés)",
    r"kommentare\s+sind\s+(?:geschlossen|deaktiviert)",
    r"los\s+comentarios\s+están\s+cerrados",
    r"os\s+comentários\s+estão\s+(?:fechados|encerrados)",
    r"i\s+commenti\s+sono\s+chiusi",
    r"комментарии\s+(?:закрыты|отключены)",
)

#: Republication notices of a site ("This content may be freely reproduced ...").
REPUBLISH: tuple[str, ...] = (
    r"(?:may|can)\s+be\s+(?:freely\s+)?(?:reproduced|republished|reprinted|reposted|shared)",
    r"(?:we\s+)?encourage\s+you\s+to\s+(?:share|republish|repost)",
    r"permission\s+(?:is\s+)?(?:granted|given)\s+to\s+(?:share|repost|republish)",
    r"(?:please\s+)?(?:feel\s+free\s+to\s+)?(?:copy|share|repost|republish)\s+(?:and\s+(?:share|distribute)\s+)?(?:this|these)\s+(?:article|message|post|report)s?\s+(?:freely|with)",
    r"reproduction\s+(?:autorisée|interdite)",
    r"nachdruck\s+(?:nur\s+)?mit\s+genehmigung",
    r"prohibida\s+(?:la\s+)?(?:su\s+)?reproducción",
    r"riproduzione\s+riservata",
    r"перепечатка\s+(?:материалов\s+)?(?:разрешена|запрещена)",
)

#: Syndication footers that name the site an article came from.
SYNDICATION: tuple[str, ...] = (
    r"delivered\s+by\s+\S.{0,60}",
    r"this\s+(?:article|post|story)\s+(?:has\s+been|was)\s+(?:contributed|provided|syndicated|republished|reposted)\s+(?:by|from|at|on)\s+\S.{0,200}",
    r"to\s+read\s+more\s+(?:posts|articles|stories)\s+like\s+this,?\s+visit\s+\S.{0,100}",
    r"see\s+more\s+.{1,40}\s+(?:news|articles|stories)\s+at\s*:?\s*\S.{0,60}",
    r".{1,200}\s+is\s+a\s+post\s+from\s*:?\s+\S.{0,120}",
    r"cet\s+article\s+(?:a\s+été\s+)?(?:publié|paru)\s+(?:initialement|d'abord|d’abord)\s+sur\s+\S.{0,100}",
    r"dieser\s+(?:artikel|beitrag)\s+erschien\s+(?:zuerst|ursprünglich)\s+(?:auf|bei|in)\s+\S.{0,100}",
    r"este\s+artículo\s+(?:fue\s+)?publicado\s+(?:originalmente|primero)\s+en\s+\S.{0,100}",
    r"este\s+artigo\s+foi\s+(?:publicado\s+)?(?:originalmente|primeiro)\s+(?:publicado\s+)?(?:em|no|na)\s+\S.{0,100}",
    r"questo\s+articolo\s+(?:è\s+)?(?:stato\s+)?pubblicato\s+(?:originariamente|originalmente)\s+su\s+\S.{0,100}",
)

#: Calls to buy in press releases ("Purchase this report @ <URL>").
PURCHASE: tuple[str, ...] = (
    r"(?:purchase|buy|order|get)\s+(?:a\s+(?:copy|sample)\s+of\s+)?(?:this|the\s+full|the)\s+report",
    r"make\s+an\s+(?:order|enquiry|inquiry)\s+(?:of\s+)?(?:this|the)\s+report",
    r"(?:request|download|get)\s+(?:a\s+)?(?:free\s+)?sample\s+(?:copy\s+)?(?:of\s+)?(?:this|the)\s+report",
    r"(?:purchase|buy)\s+\S.{0,60}\s+report\s+(?:at|@|here)",
)

#: Contact lines of an author box ("Jim can be reached at: ...", "Contact me:").
AUTHOR_BOX: tuple[str, ...] = (
    r"\S+(?:\s+\S+)?\s+can\s+be\s+(?:reached|contacted)\s+(?:at|via|by)\b.{0,200}",
    r"(?:contact|email|e-mail|write\s+to)\s+(?:me|the\s+author)\s*:.{0,80}",
    r"you\s+can\s+(?:reach|contact|email)\s+(?:me|him|her|the\s+author)\s+at\b.{0,100}",
)

#: Prompts glued before the content they introduce ("Continued below... In August ...").
CONTINUED: tuple[str, ...] = (
    "continued below", "continues below", "story continues below", "article continues below",
    "continued", "continue reading", "read more", "read on", "advertisement",
    "suite ci-dessous", "lire la suite", "weiterlesen", "weiter unten", "sigue leyendo",
    "continúa abajo", "continua abaixo", "continue lendo", "continua a leggere", "lees verder",
    "читать далее", "продолжение ниже",
)  # fmt: skip

#: Link prompts glued after the teaser they close ("... the government's..Read more").
GLUED_MORE: tuple[str, ...] = (
    "read more", "read more »", "read the rest", "continue reading", "more…", "more...",
    "more »", "full story", "lire la suite", "weiterlesen", "mehr lesen", "leer más", "leia mais",
    "leggi tutto", "lees meer", "читать далее", "подробнее",
)  # fmt: skip

#: Home links of breadcrumbs in more languages (sites keep English chrome too).
MORE_HOME_WORDS: tuple[str, ...] = (
    "ana sayfa", "anasayfa", "trang chủ", "strona główna", "domů", "úvod", "головна",
    "αρχική", "首页", "首頁", "ホーム", "홈", "الرئيسية", "صفحه اصلی", "होम", "মূলপাতা",
    "etusivu", "hjem", "forside", "startsida", "hem", "kezdőlap", "acasă", "početna", "начало",
    "beranda", "laman utama", "trang nhất", "หน้าแรก",
)  # fmt: skip
