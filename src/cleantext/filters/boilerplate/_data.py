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
