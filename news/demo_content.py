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
