"""Demo communities of practice for seed_demo: six communities across the world regions, open and
moderated, with coordinators, members, a request to join and a few discussions.

Page texts are translated in demo_translations/<language>.json; messages stay in the language
they were written in. Members are the demo members of community.members (usernames).
"""

from __future__ import annotations

INDEX = {
    "title": "Communities of practice",
    "slug": "communities",
    "introduction": "Members gather around a theme, a world region, or both, to share what works and learn from each other.",
}

# coordinators first in `members`; `pending` asked to join a moderated community.
COMMUNITIES = [
    {
        "slug": "housing-in-south-asian-cities",
        "title": "Housing in South Asian cities",
        "introduction": "Researchers, officials and organisers working on affordable housing in the cities of South Asia.",
        "theme": "cities",
        "region": "142",
        "membership": "open",
        "moderation": "post",
        "coordinators": ["member-priya"],
        "members": ["member-arjun", "member-nusrat", "member-ayesha", "member-li-wei", "member-maria"],
        "pending": [],
        "messages": [
            {
                "key": "h1",
                "author": "member-priya",
                "language": "en",
                "days": 3,
                "body": "Welcome! Which rental support schemes have worked in your city? Dhaka and Pune have tried very different ones.",
            },
            {
                "key": "h2",
                "author": "member-nusrat",
                "reply_to": "h1",
                "language": "en",
                "days": 4,
                "body": "In Dhaka, garment workers' hostels run by cooperatives cut rents by a third. I can share the evaluation.",
            },
            {
                "key": "h3",
                "author": "member-arjun",
                "language": "hi",
                "days": 6,
                "body": "पुणे में किराया सहायता योजना के आँकड़े अगले महीने प्रकाशित होंगे।",
            },
        ],
    },
    {
        "slug": "informal-work-in-african-cities",
        "title": "Informal work in African cities",
        "introduction": "How street vendors, domestic workers and informal traders gain rights and income in African cities.",
        "theme": "work",
        "region": "002",
        "membership": "moderated",
        "moderation": "post",
        "coordinators": ["member-amara"],
        "members": ["member-kwame", "member-tigist", "member-wanjiru", "member-thandiwe"],
        "pending": ["member-aline"],
        "messages": [
            {
                "key": "w1",
                "author": "member-amara",
                "language": "en",
                "days": 2,
                "body": "Our Lagos panel survey shows vendors with a market association earn more. Does this hold in Nairobi?",
            },
            {
                "key": "w2",
                "author": "member-wanjiru",
                "reply_to": "w1",
                "language": "en",
                "days": 3,
                "body": "Yes, but only where the county recognises the association in its by-laws.",
            },
        ],
    },
    {
        "slug": "community-health-in-latin-america",
        "title": "Community health in Latin America",
        "introduction": "Community health workers and researchers sharing how primary care reaches every neighbourhood.",
        "theme": "health",
        "region": "019",
        "membership": "open",
        "moderation": "post",
        "coordinators": ["member-camila"],
        "members": ["member-diego", "member-ana", "member-jean-baptiste", "member-sarah"],
        "pending": [],
        "messages": [
            {
                "key": "c1",
                "author": "member-camila",
                "language": "es",
                "days": 1,
                "body": "¿Cómo financian sus municipios a las promotoras de salud? En Chile dependemos de fondos anuales.",
            },
            {
                "key": "c2",
                "author": "member-diego",
                "reply_to": "c1",
                "language": "es",
                "days": 2,
                "body": "En Ciudad de México un convenio de cinco años dio estabilidad al programa.",
            },
        ],
    },
    {
        "slug": "gender-equality-at-work",
        "title": "Gender equality at work",
        "introduction": "A worldwide community on equal pay, care work and women's leadership in workplaces.",
        "theme": "gender",
        "region": "",
        "membership": "moderated",
        "moderation": "pre",
        "coordinators": ["member-fatoumata"],
        "members": ["member-nusrat", "member-priya", "member-leila", "member-ana"],
        "pending": ["member-thandiwe"],
        "messages": [
            {
                "key": "g1",
                "author": "member-fatoumata",
                "language": "fr",
                "days": 2,
                "body": "Partagez vos exemples de congés parentaux partagés qui ont changé les pratiques des entreprises.",
            },
            {
                "key": "g2",
                "author": "member-leila",
                "reply_to": "g1",
                "language": "ar",
                "days": 3,
                "body": "في بيروت، ساعدت حضانات أماكن العمل على عودة النساء إلى وظائفهن بعد الولادة.",
            },
            {
                "key": "g3",
                "author": "member-ana",
                "language": "es",
                "days": 5,
                "status": "pending",
                "body": "¿Alguien tiene datos sobre la brecha salarial en cooperativas?",
            },
        ],
    },
    {
        "slug": "climate-and-livelihoods-in-the-pacific",
        "title": "Climate and livelihoods in the Pacific",
        "introduction": "Island communities and researchers on adapting fisheries, farming and housing to a changing climate.",
        "theme": "environment",
        "region": "009",
        "membership": "open",
        "moderation": "post",
        "coordinators": ["member-losana"],
        "members": ["member-aroha", "member-grace", "member-lan"],
        "pending": [],
        "messages": [
            {
                "key": "p1",
                "author": "member-losana",
                "language": "en",
                "days": 4,
                "body": "Our village moved its gardens uphill after the last cyclone. Who else has planned a relocation with residents?",
            }
        ],
    },
    {
        "slug": "local-democracy-in-european-cities",
        "title": "Local democracy in European cities",
        "introduction": "Participatory budgets, citizens' assemblies and neighbourhood councils in European cities.",
        "theme": "democracy",
        "region": "150",
        "membership": "moderated",
        "moderation": "post",
        "coordinators": ["member-hanna"],
        "members": ["member-sofia", "member-mikko", "member-elena", "member-pierre", "member-olga"],
        "pending": [],
        "messages": [
            {
                "key": "d1",
                "author": "member-hanna",
                "language": "en",
                "days": 2,
                "body": "Gdańsk's citizens' assembly on flooding is starting again. What made yours representative?",
            },
            {
                "key": "d2",
                "author": "member-pierre",
                "reply_to": "d1",
                "language": "fr",
                "days": 3,
                "body": "À Grenoble, le tirage au sort sur les listes électorales a exclu les non-inscrits ; nous avons ajouté du porte-à-porte.",
            },
        ],
    },
]
