"""Demo consultations for seed_demo: an open draft chapter on housing and a closed question on
measuring progress, with comments from participants of every region, each in their own language.

Page texts are translated in demo_translations/<language>.json; comments stay in the language
they were written in (the page shows every language version's comments together).
"""

from __future__ import annotations

INDEX = {
    "title": "Consultations",
    "slug": "consultations",
    "introduction": "The Panel opens its drafts and questions to everyone before they are final. Read, comment in your own language, and see what people across the world have said.",
}

OPEN = {
    "slug": "cities-and-the-right-to-housing",
    "title": "Draft chapter: Cities and the right to housing",
    "search_description": "Comment on the draft chapter on housing, section by section, while the consultation is open.",
    "introduction": "This draft chapter of the next report asks how cities can turn the right to adequate housing into practice. The authors want to hear from residents, officials, researchers and organisers: what is missing, what is wrong, and what works where you live.",
    "question": "What is the most effective policy your city has used to keep housing affordable?",
    "moderation": "pre",
    "opens_days": -10,
    "closes_days": 50,
    "sections": [
        {
            "anchor": "housing-as-a-right",
            "heading": "Housing as a right, not a commodity",
            "body": "Two billion more people will need adequate housing by 2050. The chapter argues that treating homes first as financial assets has pushed rents beyond what working households can pay in most large cities.",
        },
        {
            "anchor": "informal-settlements",
            "heading": "Upgrading informal settlements",
            "body": "Around one billion people live in informal settlements. Upgrading them in place, with secure tenure, water and sanitation, has proved cheaper and fairer than eviction and relocation.",
        },
        {
            "anchor": "public-and-social-housing",
            "heading": "Public, social and cooperative housing",
            "body": "Vienna, Singapore and Montevideo show different routes to a large stock of non-market housing. The chapter compares their costs, whom they serve and how they are governed.",
        },
        {
            "anchor": "protecting-tenants",
            "heading": "Protecting tenants from eviction",
            "body": "Rent regulation, legal aid and moratoriums reduce evictions, but each has side effects. The chapter asks which combinations protect tenants without shrinking the supply of rented homes.",
        },
    ],
}

CLOSED = {
    "slug": "measuring-social-progress-beyond-gdp",
    "title": "Consultation: Measuring social progress beyond GDP",
    "search_description": "What should a measure of social progress count that GDP leaves out? Read the summary of the responses.",
    "introduction": "Before writing its chapter on measurement, the Panel asked everyone what a measure of social progress should count that GDP leaves out.",
    "question": "What should a measure of social progress count that GDP leaves out?",
    "moderation": "post",
    "opens_days": -120,
    "closes_days": -60,
    "summary": [
        "Participants from every world region answered. Most asked for measures of unpaid care work, time use and trust in institutions, and many warned against a single composite index that hides inequality.",
        "The authors have added a section on indicators that show how progress is distributed, and will publish the indicators they considered and set aside, with their reasons.",
    ],
    "sections": [],
}

# username, first name, last name, M49 region, preferred language
COMMENTERS = [
    ("commenter-1", "Amina", "Diallo", "002", "fr"),
    ("commenter-2", "Kwame", "Mensah", "002", "en"),
    ("commenter-3", "Lucía", "Fernández", "019", "es"),
    ("commenter-4", "João", "Pereira", "019", "pt"),
    ("commenter-5", "Priya", "Raman", "142", "hi"),
    ("commenter-6", "Wei", "Li", "142", "zh-hans"),
    ("commenter-7", "Fatima", "Al-Hassan", "142", "ar"),
    ("commenter-8", "Rahim", "Chowdhury", "142", "bn"),
    ("commenter-9", "Ayesha", "Siddiqui", "142", "ur"),
    ("commenter-10", "Olga", "Ivanova", "150", "ru"),
    ("commenter-11", "Claire", "Martin", "150", "fr"),
    ("commenter-12", "Sione", "Tupou", "009", "en"),
    ("commenter-13", "Daniel", "Brooks", "019", "en"),
    ("commenter-14", "Nadia", "Benali", "002", "ar"),
    ("commenter-15", "Mark", "Dawson", "150", "en"),
]

# Comments: key, author, language, body; optional "reply_to" (key), "section" (anchor), "days"
# after opening, "status" (default approved) and "reason" (for hidden ones).
CLOSED_COMMENTS = [
    {
        "key": "care",
        "author": "commenter-2",
        "language": "en",
        "days": 2,
        "body": "Unpaid care work. In Accra most of the work that keeps families going is done by women and never appears in any account. If it is not counted, budgets will keep ignoring it.",
    },
    {
        "key": "time",
        "author": "commenter-1",
        "language": "fr",
        "days": 3,
        "body": "Le temps : combien d'heures les gens passent à chercher de l'eau, à se déplacer, à attendre un service public. C'est une mesure simple, et elle parle à tout le monde.",
    },
    {
        "key": "households",
        "author": "commenter-3",
        "language": "es",
        "days": 4,
        "body": "La desigualdad dentro de los hogares. Las encuestas miden el ingreso del hogar y suponen que se reparte por igual, pero no es así, sobre todo para las mujeres mayores.",
    },
    {
        "key": "trust",
        "author": "commenter-4",
        "language": "pt",
        "days": 5,
        "body": "A confiança nas instituições e a participação. No Brasil, os orçamentos participativos mostraram que a qualidade da democracia local também é progresso.",
    },
    {
        "key": "air",
        "author": "commenter-5",
        "language": "hi",
        "days": 6,
        "body": "स्वच्छ हवा और पानी तक पहुँच। दिल्ली में जीडीपी बढ़ता रहा, लेकिन हर सर्दी में हवा की गुणवत्ता और खराब होती गई।",
    },
    {
        "key": "elderly",
        "author": "commenter-6",
        "language": "zh-hans",
        "days": 7,
        "body": "应该衡量老年人的照护和孤独问题。人口老龄化很快，但统计数据很少反映老人是否得到照顾。",
    },
    {
        "key": "safety",
        "author": "commenter-7",
        "language": "ar",
        "days": 8,
        "body": "يجب قياس الأمان، خاصة شعور النساء بالأمان في الأماكن العامة. لا يمكن الحديث عن تقدم اجتماعي إذا كان نصف السكان يخاف من الخروج ليلاً.",
    },
    {
        "key": "climate-risk",
        "author": "commenter-8",
        "language": "bn",
        "days": 9,
        "body": "জলবায়ু ঝুঁকিতে থাকা পরিবারের সংখ্যা গণনা করা উচিত। বাংলাদেশে প্রতি বছর বন্যা বহু মানুষের জীবিকা কেড়ে নেয়।",
    },
    {
        "key": "girls",
        "author": "commenter-9",
        "language": "ur",
        "days": 10,
        "body": "لڑکیوں کی تعلیم مکمل کرنے کی شرح۔ داخلے کے اعداد و شمار اچھے لگتے ہیں، لیکن بہت سی لڑکیاں ثانوی اسکول سے پہلے تعلیم چھوڑ دیتی ہیں۔",
    },
    {
        "key": "housing",
        "author": "commenter-10",
        "language": "ru",
        "days": 12,
        "body": "Нужно учитывать доступность жилья: какую долю дохода семьи тратят на аренду или ипотеку. Для молодых людей это главный вопрос.",
    },
    {
        "key": "index",
        "author": "commenter-11",
        "language": "fr",
        "days": 14,
        "body": "Je mettrais en garde contre un indice unique : en agrégeant tout, on cache les écarts entre régions et entre groupes. Mieux vaut un tableau de bord court.",
    },
    {
        "key": "islands",
        "author": "commenter-12",
        "language": "en",
        "days": 16,
        "body": "Count what climate change is already taking from small island states: land, fresh water, and the chance for young people to build a life at home.",
    },
    {
        "key": "health",
        "author": "commenter-13",
        "language": "en",
        "days": 18,
        "body": "Healthy life expectancy, broken down by income. Averages in the United States hide a gap of more than ten years between the richest and the poorest.",
    },
    {
        "key": "work",
        "author": "commenter-14",
        "language": "ar",
        "days": 20,
        "body": "ينبغي أن يشمل المقياس حصول الشباب على عمل لائق، وليس معدل البطالة وحده.",
    },
    {
        "key": "care-reply",
        "author": "commenter-11",
        "language": "fr",
        "days": 21,
        "reply_to": "care",
        "body": "Tout à fait d'accord. Les enquêtes sur l'emploi du temps existent dans beaucoup de pays ; il faudrait les mener plus souvent.",
    },
    {
        "key": "households-reply",
        "author": "commenter-4",
        "language": "pt",
        "days": 22,
        "reply_to": "households",
        "body": "Concordo. No Brasil vemos o mesmo com as aposentadorias rurais, que sustentam famílias inteiras.",
    },
    {
        "key": "safety-reply",
        "author": "commenter-1",
        "language": "fr",
        "days": 23,
        "reply_to": "safety",
        "body": "C'est aussi vrai dans les transports publics de Dakar, surtout tôt le matin.",
    },
    {
        "key": "index-reply",
        "author": "commenter-5",
        "language": "en",
        "days": 25,
        "reply_to": "index",
        "body": "A dashboard, yes, but with no more than ten indicators, or no minister will read it.",
    },
    {
        "key": "islands-reply",
        "author": "commenter-8",
        "language": "en",
        "days": 27,
        "reply_to": "islands",
        "body": "The same holds for coastal Bangladesh: people forced to move by the climate should be counted too.",
    },
    {
        "key": "advert",
        "author": "commenter-15",
        "language": "en",
        "days": 28,
        "status": "hidden",
        "reason": "Advertising, not a contribution to the consultation.",
        "body": "Grow your audience fast! Buy followers at cheap-followers.example today.",
    },
]

OPEN_COMMENTS = [
    {
        "key": "rentals",
        "author": "commenter-13",
        "language": "en",
        "days": 1,
        "section": "housing-as-a-right",
        "body": "The chapter should say more about short-term rentals. In several US cities they took thousands of homes off the long-term market within a few years.",
    },
    {
        "key": "recife",
        "author": "commenter-4",
        "language": "pt",
        "days": 2,
        "section": "informal-settlements",
        "body": "Em Recife, a regularização fundiária funcionou quando os moradores participaram do desenho das ruas e do saneamento.",
    },
    {
        "key": "accra",
        "author": "commenter-2",
        "language": "en",
        "days": 3,
        "section": "informal-settlements",
        "reply_to": "recife",
        "body": "Same experience in Accra: upgrading designed with the residents costs less and lasts longer.",
    },
    {
        "key": "cooperatives",
        "author": "commenter-7",
        "language": "ar",
        "days": 4,
        "section": "public-and-social-housing",
        "body": "أقترح إضافة مثال من المنطقة العربية، مثل برامج الإسكان التعاوني في مصر في الستينيات، مع دروسها الإيجابية والسلبية.",
    },
    {
        "key": "mortgages",
        "author": "commenter-3",
        "language": "es",
        "days": 5,
        "section": "protecting-tenants",
        "body": "Falta hablar de los desahucios por deudas hipotecarias; en España la moratoria salvó a muchas familias.",
    },
    {
        "key": "paris",
        "author": "commenter-11",
        "language": "fr",
        "days": 6,
        "body": "L'encadrement des loyers à Paris, malgré ses limites : il a freiné les hausses les plus fortes.",
    },
    {
        "key": "mumbai",
        "author": "commenter-5",
        "language": "hi",
        "days": 7,
        "status": "pending",
        "body": "मुंबई में किरायेदारों के लिए कानूनी सहायता केंद्र सबसे प्रभावी रहे।",
    },
]
