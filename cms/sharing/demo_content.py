"""The demo's share kits (English; translations in demo_translations/<language>.json)."""

KITS = [
    {
        "model": "reports.ReportPage",
        "slug": "rethinking-society",
        "key_message": "Societies can become fairer: more than 300 scholars show which institutions and movements make the difference.",
        "x_text": "Can societies become fairer? 300+ scholars from every region say yes, and show how. The Panel's flagship report:",
    },
    {
        "model": "practices.PracticePage",
        "slug": "rwanda-community-health-workers",
        "key_message": "Elected, trained volunteers in every village bring basic health care close to home.",
        "x_text": "A health worker in every village, elected by neighbours: how Rwanda brought care close to home.",
    },
    {
        "model": "practices.PracticePage",
        "slug": "housing-first-finland",
        "key_message": "A home first, then support: Finland made Housing First its national policy and long-term homelessness fell.",
        "x_text": "A home first, then support: how Finland made Housing First its national policy.",
    },
    {
        "model": "practices.PracticePage",
        "slug": "participatory-budgeting-porto-alegre",
        "key_message": "Residents decide how part of the city's budget is spent: an idea from Porto Alegre now used around the world.",
        "x_text": "Residents decide part of the city budget: Porto Alegre's idea, now adapted around the world.",
    },
]
# Demo relays: (kit index, language, network, relayed by, visits brought); "partner" relays for the
# demo partner administrator's organisation.
RELAYS = [
    (0, "en", "x", "participant", 7),
    (0, "en", "linkedin", "partner", 12),
    (0, "ar", "whatsapp", "participant", 4),
    (0, "es", "bluesky", "partner", 3),
    (1, "fr", "x", "participant", 2),
    (1, "en", "email", "partner", 5),
    (2, "hi", "whatsapp", "participant", 1),
    (3, "pt", "linkedin", "partner", 6),
]
