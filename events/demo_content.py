"""Demo events for seed_demo: three Forum editions, two Award editions, two World Social Progress Days."""

from __future__ import annotations

INDEX = {"title": "Events", "slug": "events", "introduction": "The Forum, the Awards and World Social Progress Day."}
FORUM_INDEX = {
    "title": "World Social Progress Forum",
    "slug": "forum",
    "introduction": "Every year on a different continent, thinkers and doers meet to compare what works.",
}
AWARDS_INDEX = {
    "title": "World Social Progress Awards",
    "slug": "awards",
    "introduction": "The Awards honour practices, organisations and people that make societies fairer.",
}
PRESS_ROOM = {
    "title": "Press room",
    "slug": "press-room",
    "introduction": "Embargoed material for accredited journalists.",
}

SESSION_TITLES = {
    "opening": "Opening plenary",
    "cities": "Cities that share their budgets",
    "care": "Care work and the economy",
    "health": "Health close to home",
    "ceremony": "World Social Progress Awards ceremony",
    "closing": "Closing plenary",
}

FORUMS: list[dict] = [
    {
        "slug": "2025-nairobi",
        "title": "Forum 2025, Nairobi",
        "theme": "Work and dignity",
        "host_city": "Nairobi",
        "country": "KE",
        "continent": "africa",
        "time_zone": "Africa/Nairobi",
        "venue": "Kenyatta International Convention Centre",
        "start_date": "2025-06-16",
        "end_date": "2025-06-18",
        "registration_mode": "closed",
        "capacity": None,
    },
    {
        "slug": "2026-montreal",
        "title": "Forum 2026, Montréal",
        "theme": "Democracy beyond elections",
        "host_city": "Montréal",
        "country": "CA",
        "continent": "north-america",
        "time_zone": "America/Toronto",
        "venue": "Palais des congrès de Montréal",
        "start_date": "2026-06-15",
        "end_date": "2026-06-17",
        "registration_mode": "closed",
        "capacity": None,
    },
    {
        "slug": "2027-dhaka",
        "title": "Forum 2027, Dhaka",
        "theme": "Cities for everyone",
        "host_city": "Dhaka",
        "country": "BD",
        "continent": "asia",
        "time_zone": "Asia/Dhaka",
        "venue": "Bangabandhu International Conference Centre",
        "start_date": "2027-06-14",
        "end_date": "2027-06-15",
        "registration_mode": "form",
        "capacity": 300,
    },
]
# (day offset, session key, start, end, room, format, languages, interpretation, number of speakers)
PROGRAMME = [
    (0, "opening", "09:00", "10:30", "Hall A", "plenary", ["en", "bn"], ["ar", "es", "fr", "zh-hans"], 2),
    (0, "cities", "11:00", "12:30", "Room 2", "panel", ["en"], ["bn", "hi"], 2),
    (0, "care", "14:00", "15:30", "Room 3", "workshop", ["en", "hi"], [], 1),
    (1, "health", "09:30", "11:00", "Room 2", "dialogue", ["en"], ["fr", "pt", "ru"], 2),
    (1, "ceremony", "17:00", "18:30", "Hall A", "ceremony", ["en"], ["ar", "es", "fr", "zh-hans", "ru"], 1),
    (1, "closing", "18:45", "19:30", "Hall A", "plenary", ["en", "bn"], ["ar", "es", "fr"], 1),
]

AWARD_CATEGORIES = [
    ("practice", "Inspiring practice", "An initiative that has improved lives and can be adapted elsewhere."),
    ("organisation", "Organisation", "An organisation whose work has advanced social progress."),
    ("person", "Person", "A person whose work, often unseen, has advanced social progress."),
]
AWARD_CRITERIA = [
    ("impact", "Impact", "Documented improvements in the lives of those concerned."),
    ("participation", "Participation", "Those affected take part in decisions."),
    ("adaptability", "Adaptability", "Others can learn from it and adapt it."),
]
AWARDS: list[dict] = [
    {
        "slug": "2026",
        "title": "Awards 2026",
        "start_date": "2026-06-16",
        "forum": "2026-montreal",
        "nominations_open": "2025-11-01",
        "nominations_close": "2026-03-31",
        "introduction": "The 2026 Awards were presented at the Forum in Montréal.",
    },
    {
        "slug": "2027",
        "title": "Awards 2027",
        "start_date": "2027-06-15",
        "forum": "2027-dhaka",
        "nominations_open": "2026-11-01",
        "nominations_close": "2027-03-31",
        "introduction": "Nominate a practice, an organisation or a person for the 2027 Awards.",
    },
]
ELIGIBILITY = "Any initiative, organisation or person, from any country, may be nominated by anyone except themselves."

DAYS: list[dict] = [
    {
        "slug": "day-2026",
        "title": "World Social Progress Day 2026",
        "start_date": "2026-03-16",
        "theme": "Fair work in a changing economy",
        "declaration_title": "Declaration on fair work",
        "declaration": [
            "Work should give everyone a fair income, security and a voice.",
            "The Panel calls on those who can act to make that true within a decade.",
        ],
        "asks": {
            "international": ["Coordinate minimum standards for platform work."],
            "governments": ["Extend social protection to every worker, whatever the contract."],
            "business": ["Give workers a voice in the governance of firms."],
        },
        "embargo": None,
    },
    {
        "slug": "day-2027",
        "title": "World Social Progress Day 2027",
        "start_date": "2027-03-15",
        "theme": "Cities for everyone",
        "declaration_title": "Declaration on inclusive cities",
        "declaration": [
            "Cities concentrate opportunity and exclusion alike.",
            "The Panel calls for housing, transport and public space that serve everyone.",
        ],
        "asks": {
            "international": ["Finance affordable housing programmes in fast-growing cities."],
            "governments": ["Give cities the means and the duty to house their residents."],
            "business": ["Invest in mixed neighbourhoods rather than gated ones."],
        },
        "embargo": "2027-03-15T09:00:00+00:00",
    },
]
