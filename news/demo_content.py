"""Demo news for seed_demo: the Panel's own stream (kinds, themes, countries, links to practices)."""

from __future__ import annotations

INDEX = {
    "title": "News and stories",
    "slug": "news",
    "introduction": "News from the Panel, stories of social innovation, reports on experiments and voices from the network.",
}

NEWS: list[dict] = [
    {
        "slug": "participatory-budgeting-in-the-portal",
        "title": "How Porto Alegre taught cities to share their budget",
        "kind": "story",
        "date": "2026-11-18",
        "summary": "Participatory budgeting began in one Brazilian city in 1989. The portal's newest review explains why it spread.",
        "body": [
            "In 1989 the city of Porto Alegre opened part of its investment budget to neighbourhood assemblies.",
            "Experts of the Panel's network reviewed the practice this month against the four published criteria.",
        ],
        "themes": ["democracy", "cities"],
        "countries": ["BR"],
        "related": ["participatory-budgeting-porto-alegre"],
        "translated": True,
    },
    {
        "slug": "community-health-workers-review",
        "title": "Community health workers: what Rwanda's experience shows",
        "kind": "experiment",
        "date": "2026-11-10",
        "summary": "A reviewed practice from Rwanda shows how village health workers can bring care closer to home.",
        "body": [
            "Rwanda's community health workers are elected by their villages and supervised by local health centres.",
            "The practice is now part of the Panel's portal, with its lessons and advice for adapting it elsewhere.",
        ],
        "themes": ["health"],
        "countries": ["RW"],
        "related": ["rwanda-community-health-workers"],
        "translated": True,
    },
    {
        "slug": "call-for-practices-2027",
        "title": "Share the practices you know",
        "kind": "news",
        "date": "2026-11-02",
        "summary": "The Panel invites everyone to propose inspiring practices, in any of the ten languages of the site.",
        "body": [
            "Anyone can propose a practice through the form on the portal, in any of the site's ten languages.",
            "Every proposal is reviewed by experts from a region other than the practice's own before publication.",
        ],
        "themes": ["inequality"],
        "countries": [],
        "related": [],
        "translated": True,
    },
    {
        "slug": "housing-first-feedback",
        "title": "Feedback from the network: adapting Housing First",
        "kind": "feedback",
        "date": "2026-10-27",
        "summary": "Members of the network discussed what it takes to adapt Finland's Housing First policy.",
        "body": ["Members working on homelessness compared the conditions under which Housing First was adapted."],
        "themes": ["cities", "inequality"],
        "countries": ["FI"],
        "related": ["housing-first-finland"],
        "translated": False,
    },
    {
        "slug": "opinion-work-and-democracy",
        "title": "Opinion: democracy does not stop at the factory gate",
        "kind": "opinion",
        "date": "2026-10-15",
        "summary": "Why the Panel's report argues for giving workers a voice in the firms they work for.",
        "body": ["The Panel's report devotes a chapter to the future of work and another to corporate governance."],
        "themes": ["work", "democracy"],
        "countries": [],
        "related": [],
        "translated": False,
    },
    {
        "slug": "mobile-money-story",
        "title": "Mobile money and financial inclusion in Kenya",
        "kind": "story",
        "date": "2026-10-03",
        "summary": "M-Pesa lets people send and store money with a basic mobile phone. The portal describes how it works.",
        "body": ["M-Pesa was launched in Kenya in 2007 and is now used across East Africa."],
        "themes": ["technology"],
        "countries": ["KE"],
        "related": ["m-pesa-mobile-money"],
        "translated": False,
    },
]


# --- Channel cadence (news.demo.seed_cadence) ------------------------------------------------------

# Targets: (channel, language code or None for each language, items, period).
CADENCE_TARGETS = [
    ("site_news", "en", 2, "week"),
    ("newsletter", None, 1, "week"),
    ("social", None, 2, "week"),
    ("press", "en", 1, "month"),
    ("press", "fr", 1, "month"),
    ("press", "es", 1, "month"),
    ("partners", "en", 1, "week"),
]

# What each planned item says, per channel and language.
CADENCE_TITLES = {
    "site_news": {"en": "Story of the week from the practices repository"},
    "newsletter": {
        "en": "Weekly digest",
        "zh-hans": "每周摘要",
        "hi": "साप्ताहिक सार",
        "es": "Resumen semanal",
        "fr": "Lettre hebdomadaire",
        "ar": "النشرة الأسبوعية",
        "bn": "সাপ্তাহিক সংক্ষিপ্তসার",
        "pt": "Resumo semanal",
        "ru": "Еженедельный дайджест",
        "ur": "ہفتہ وار خلاصہ",
    },
    "social": {
        "en": "Post: a practice and the recommendation behind it",
        "zh-hans": "帖子：一项实践及其背后的建议",
        "hi": "पोस्ट: एक पहल और उसके पीछे की सिफ़ारिश",
        "es": "Publicación: una práctica y la recomendación que la respalda",
        "fr": "Publication : une pratique et la recommandation qui la fonde",
        "ar": "منشور: ممارسة والتوصية التي تستند إليها",
        "bn": "পোস্ট: একটি উদ্যোগ ও তার পেছনের সুপারিশ",
        "pt": "Publicação: uma prática e a recomendação por trás dela",
        "ru": "Публикация: практика и рекомендация, на которой она основана",
        "ur": "پوسٹ: ایک عملی مثال اور اس کے پیچھے سفارش",
    },
    "press": {
        "en": "Op-ed syndicated to partner newspapers",
        "es": "Artículo de opinión sindicado en diarios asociados",
        "fr": "Tribune reprise par les journaux partenaires",
    },
    "partners": {"en": "Partner relay: the month's brief in their newsletters"},
}
