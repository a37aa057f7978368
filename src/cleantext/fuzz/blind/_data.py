"""Page chrome and ads as real sites write them, by language and by script.

Written for the blind corruptors from what scraped pages carry (navigation, share buttons, "read
more" links, source links, ads in another script), NOT from any filter's word lists: a filter's
recall on these is measured, not built in. ISO 639-1 codes (``zh`` for Chinese).
"""

from __future__ import annotations

#: The first item of a breadcrumb trail.
HOME: dict[str, str] = {
    "en": "Home", "de": "Startseite", "fr": "Accueil", "es": "Inicio", "pt": "Início",
    "it": "Home page", "nl": "Home", "pl": "Strona główna", "tr": "Ana Sayfa", "id": "Beranda",
    "vi": "Trang chủ", "sw": "Mwanzo", "ru": "Главная", "uk": "Головна", "el": "Αρχική",
    "ar": "الرئيسية", "fa": "خانه", "ur": "صفحہ اول", "he": "דף הבית", "hi": "होम",
    "bn": "প্রচ্ছদ", "am": "መነሻ", "hy": "Գլխավոր", "ka": "მთავარი", "th": "หน้าแรก",
    "zh": "首页", "ja": "ホーム", "ko": "홈",
}  # fmt: skip

#: Section names for the middle of a trail.
SECTIONS: dict[str, tuple[str, ...]] = {
    "en": ("News", "World", "Business", "Politics", "Sport", "Europe", "Tech"),
    "de": ("Nachrichten", "Politik", "Wirtschaft", "Sport"),
    "fr": ("Actualités", "Monde", "Politique", "Économie"),
    "es": ("Noticias", "Mundo", "Política", "Economía"),
    "pt": ("Notícias", "Mundo", "Política", "Economia"),
    "it": ("Notizie", "Mondo", "Politica", "Economia"),
    "nl": ("Nieuws", "Binnenland", "Buitenland", "Economie"),
    "pl": ("Wiadomości", "Świat", "Polityka", "Biznes"),
    "tr": ("Haberler", "Dünya", "Gündem", "Ekonomi"),
    "id": ("Berita", "Dunia", "Politik", "Ekonomi"),
    "vi": ("Tin tức", "Thế giới", "Kinh doanh", "Thời sự"),
    "sw": ("Habari", "Kimataifa", "Siasa", "Biashara"),
    "ru": ("Новости", "В мире", "Политика", "Экономика"),
    "uk": ("Новини", "Світ", "Політика", "Економіка"),
    "el": ("Ειδήσεις", "Κόσμος", "Πολιτική", "Οικονομία"),
    "ar": ("أخبار", "العالم", "سياسة", "اقتصاد"),
    "fa": ("اخبار", "جهان", "سیاسی", "اقتصادی"),
    "ur": ("خبریں", "دنیا", "سیاست", "کاروبار"),
    "he": ("חדשות", "עולם", "פוליטיקה", "כלכלה"),
    "hi": ("समाचार", "दुनिया", "राजनीति", "व्यापार"),
    "bn": ("খবর", "বিশ্ব", "রাজনীতি", "অর্থনীতি"),
    "am": ("ዜና", "ዓለም", "ፖለቲካ", "ኢኮኖሚ"),
    "hy": ("Լուրեր", "Աշխարհ", "Քաղաքականություն"),
    "ka": ("ახალი ამბები", "მსოფლიო", "პოლიტიკა"),
    "th": ("ข่าว", "ต่างประเทศ", "การเมือง", "เศรษฐกิจ"),
    "zh": ("新闻", "国际", "政治", "财经"),
    "ja": ("ニュース", "国際", "政治", "経済"),
    "ko": ("뉴스", "국제", "정치", "경제"),
}

#: What stands before a share block ("Share this:") and the footer link to the source.
SHARE: dict[str, str] = {
    "en": "Share this:", "de": "Teilen:", "fr": "Partager :", "es": "Compartir:",
    "pt": "Compartilhe:", "it": "Condividi:", "nl": "Delen:", "pl": "Udostępnij:",
    "tr": "Paylaş:", "id": "Bagikan:", "vi": "Chia sẻ:", "sw": "Shiriki:", "ru": "Поделиться:",
    "uk": "Поділитися:", "el": "Κοινοποίηση:", "ar": "شارك:", "fa": "اشتراک‌گذاری:",
    "ur": "شیئر کریں:", "he": "שתפו:", "hi": "शेयर करें:", "bn": "শেয়ার করুন:", "am": "ያጋሩ:",
    "hy": "Կիսվել:", "ka": "გაზიარება:", "th": "แชร์:", "zh": "分享到：", "ja": "シェアする：",
    "ko": "공유하기:",
}  # fmt: skip

#: A footer pointing at the original article.
SOURCE: dict[str, str] = {
    "en": "Source link", "de": "Quelle", "fr": "Source", "es": "Fuente", "pt": "Fonte",
    "it": "Fonte", "nl": "Bron", "pl": "Źródło", "tr": "Kaynak", "id": "Sumber", "vi": "Nguồn",
    "sw": "Chanzo", "ru": "Источник", "uk": "Джерело", "el": "Πηγή", "ar": "المصدر",
    "fa": "منبع", "ur": "ماخذ", "he": "מקור", "hi": "स्रोत", "bn": "সূত্র", "am": "ምንጭ",
    "hy": "Աղբյուր", "ka": "წყარო", "th": "ที่มา", "zh": "来源", "ja": "出典", "ko": "출처",
}  # fmt: skip

#: "Read more" / "continued below" links, used as lines and glued before or after content.
READ_MORE: dict[str, str] = {
    "en": "Read more", "de": "Weiterlesen", "fr": "Lire la suite", "es": "Leer más",
    "pt": "Leia mais", "it": "Leggi anche", "nl": "Lees verder", "pl": "Czytaj dalej",
    "tr": "Devamını oku", "id": "Baca juga", "vi": "Xem thêm", "sw": "Soma zaidi",
    "ru": "Читать далее", "uk": "Читати далі", "el": "Διαβάστε περισσότερα", "ar": "اقرأ المزيد",
    "fa": "بیشتر بخوانید", "ur": "مزید پڑھیں", "he": "להמשך קריאה", "hi": "और पढ़ें",
    "bn": "আরও পড়ুন", "am": "ተጨማሪ ያንብቡ", "hy": "Կարդալ ավելին", "ka": "ვრცლად",
    "th": "อ่านต่อ", "zh": "阅读全文", "ja": "続きを読む", "ko": "더 보기",
}  # fmt: skip

#: "Advertisement" labels left where an ad block was.
ADVERTISEMENT: dict[str, str] = {
    "en": "Advertisement", "de": "Anzeige", "fr": "Publicité", "es": "Publicidad",
    "pt": "Publicidade", "it": "Pubblicità", "nl": "Advertentie", "pl": "Reklama",
    "tr": "Reklam", "id": "Iklan", "vi": "Quảng cáo", "sw": "Tangazo", "ru": "Реклама",
    "uk": "Реклама", "el": "Διαφήμιση", "ar": "إعلان", "fa": "تبلیغات", "ur": "اشتہار",
    "he": "פרסומת", "hi": "विज्ञापन", "bn": "বিজ্ঞাপন", "am": "ማስታወቂያ", "hy": "Գովազդ",
    "ka": "რეკლამა", "th": "โฆษณา", "zh": "广告", "ja": "広告", "ko": "광고",
}  # fmt: skip

#: Share buttons as their labels are scraped, one a line or glued together.
NETWORKS: tuple[str, ...] = (
    "Facebook", "Twitter", "WhatsApp", "Email", "Telegram", "LinkedIn", "Pinterest", "Reddit",
    "Print", "VK", "Viber", "Tumblr",
)  # fmt: skip
#: Glued share text (the button labels run together when the icons are stripped).
GLUED_SHARE: tuple[str, ...] = (
    "Facebooktwittermail", "FacebookTwitterWhatsAppEmail", "facebooktwitterpinterestlinkedin",
    "Share on FacebookShare on TwitterShare on WhatsApp", "TweetShareShareEmail",
    "FacebookTwitterLinkedinWhatsappEmailPrint",
)  # fmt: skip
#: Trail separators.
SEPARATORS: tuple[str, ...] = (" / ", " » ", " > ", " › ", " | ", " >> ")

#: Ads as spam lines, by the script group they are written in. Han, kana and Hangul are separate
#: groups: a Chinese ad on a Korean or Japanese page is spam in another script.
SPAM: dict[str, tuple[str, ...]] = {
    "Latin": (
        "Download free WordPress themes",
        "Best online casino bonus 2024",
        "cheap flights hotels booking",
        "Buy Instagram followers fast",
        "free movie download HD",
        "Nulled WordPress Themes Premium",
        "Bitcoin trading signals free",
    ),
    "Cyrillic": (
        "Скачать бесплатно шаблоны WordPress",
        "онлайн казино с бонусом",
        "купить диплом недорого",
    ),
    "Arabic": (
        "قالب وردپرس",
        "دانلود رایگان فیلم",
        "خرید بک لینک",
        "تحميل العاب مجانا",
        "کازینو آنلاین معتبر",
    ),
    "Hebrew": ("הורדת סרטים בחינם", "קזינו אונליין"),
    "Greek": ("Δωρεάν λήψη ταινιών", "καζίνο μπόνους"),
    "Devanagari": ("मुफ्त फिल्म डाउनलोड", "ऑनलाइन कैसीनो बोनस"),
    "Bengali": ("ফ্রি মুভি ডাউনলোড",),
    "Han": ("免费下载", "网上赌场", "最新电影在线观看", "代开发票", "澳门百家乐"),
    "Kana": ("無料ダウンロード", "オンラインカジノ", "激安通販サイト"),
    "Hangul": ("무료 다운로드", "온라인 카지노", "바카라 사이트 추천"),
    "Thai": ("ดาวน์โหลดฟรี", "คาสิโนออนไลน์"),
    "Georgian": ("უფასო ჩამოტვირთვა",),
    "Armenian": ("Անվճար ներբեռնում",),
    "Ethiopic": ("ነጻ ማውረድ",),
}
