"""Demo topic proposals: what participants from every region might ask the Panel to work on next.

Each proposal is written in its proposer's language; `history` lists the moderators' state
changes in order, with the public reason each time; `supporters` are indexes into SUPPORTERS.
"""

from __future__ import annotations

INDEX = {
    "title": "Choose the next topics",
    "slug": "topics",
    "introduction": (
        "Which questions should the Panel take up in its next report or policy brief? Propose a topic, support "
        "the ones that matter to you and discuss them. The moderators explain every decision publicly, and the "
        "figures show where support comes from, so that the choice reflects every region of the world."
    ),
}

# username suffix, first name, last name, M49 region, preferred language
SUPPORTERS = [
    (1, "Amina", "Diallo", "002", "fr"),
    (2, "Kwame", "Mensah", "002", "en"),
    (3, "Fatima", "Zahra Benali", "002", "ar"),
    (4, "Thandiwe", "Nkosi", "002", "en"),
    (5, "Yusuf", "Abdi", "002", "ar"),
    (6, "Grace", "Achieng", "002", "en"),
    (7, "Lucía", "Fernández", "019", "es"),
    (8, "João", "Pereira", "019", "pt"),
    (9, "Camila", "Rojas", "019", "es"),
    (10, "Michael", "Thompson", "019", "en"),
    (11, "Ana", "Souza", "019", "pt"),
    (12, "Priya", "Raman", "142", "hi"),
    (13, "Li", "Wei", "142", "zh-hans"),
    (14, "Rahim", "Chowdhury", "142", "bn"),
    (15, "Ayesha", "Siddiqui", "142", "ur"),
    (16, "Omar", "Haddad", "142", "ar"),
    (17, "Mei", "Chen", "142", "zh-hans"),
    (18, "Arjun", "Mehta", "142", "hi"),
    (19, "Claire", "Dubois", "150", "fr"),
    (20, "Olga", "Ivanova", "150", "ru"),
    (21, "Jonas", "Berg", "150", "en"),
    (22, "Marta", "Kowalska", "150", "en"),
    (23, "Sione", "Tupou", "009", "en"),
    (24, "Emily", "Walker", "009", "en"),
]

PROPOSALS = [
    {
        "title": "Social protection for platform workers",
        "language": "en",
        "kind": "report",
        "themes": ["work", "inequality"],
        "proposer": 2,
        "days_ago": 64,
        "description": (
            "Ride-hailing drivers, delivery couriers and online freelancers now number in the tens of millions, "
            "yet most have no sick pay, pension or injury cover. Some countries have extended social insurance to "
            "them (Spain's 'rider law', Indonesia's scheme for online drivers); others rely on voluntary "
            "contributions that few people make.\n\nA report could compare these approaches, estimate what they "
            "cost and who pays, and propose portable benefits that follow workers across platforms and borders."
        ),
        "history": [
            (
                "under_review",
                "Strong support from four regions. The Bureau will check how this overlaps with "
                "the chapter on the future of work in the 2018 report.",
            ),
            (
                "shortlisted",
                "Shortlisted: the overlap is small and the evidence base has grown a lot since 2018. "
                "It will be discussed at the Bureau's June meeting with the other shortlisted topics.",
            ),
        ],
        "supporters": [1, 4, 6, 7, 8, 9, 11, 12, 14, 18, 19, 21, 22, 24],
    },
    {
        "title": "Adaptación climática y asentamientos informales",
        "language": "es",
        "kind": "report",
        "themes": ["environment", "cities"],
        "proposer": 7,
        "days_ago": 51,
        "description": (
            "Mil millones de personas viven en barrios informales, a menudo en laderas, riberas o zonas "
            "inundables. Los planes de adaptación climática rara vez las incluyen y, cuando lo hacen, "
            "proponen reubicaciones que rompen redes sociales y medios de vida.\n\nProponemos un informe sobre "
            "experiencias de mejora in situ (Medellín, Ciudad del Cabo, Dhaka), su financiación y la "
            "participación de los propios vecinos en las decisiones."
        ),
        "history": [
            (
                "under_review",
                "Under review with the working group on cities. We are asking two lead authors of "
                "the 2018 chapter on urbanisation whether they could contribute.",
            ),
        ],
        "supporters": [2, 3, 4, 8, 9, 10, 11, 14, 15, 16, 23],
    },
    {
        "title": "Services publics numériques et exclusion des personnes âgées",
        "language": "fr",
        "kind": "brief",
        "themes": ["technology", "inequality"],
        "proposer": 19,
        "days_ago": 12,
        "description": (
            "Impôts, retraites, rendez-vous médicaux : de plus en plus de démarches se font uniquement en ligne. "
            "Les personnes âgées, celles qui vivent en zone rurale ou qui ne lisent pas bien se retrouvent "
            "exclues de droits auxquels elles peuvent prétendre.\n\nUne note d'orientation pourrait recenser les "
            "garanties qui marchent : un guichet humain maintenu, des médiateurs numériques, le droit de ne pas "
            "passer par internet."
        ),
        "history": [],
        "supporters": [1, 20, 22],
    },
    {
        "title": "ग्रामीण महिलाओं के अवैतनिक देखभाल कार्य का मूल्य",
        "language": "hi",
        "kind": "report",
        "themes": ["gender", "work"],
        "proposer": 12,
        "days_ago": 90,
        "description": (
            "ग्रामीण भारत और दक्षिण एशिया में महिलाएँ पानी लाने, बच्चों और बुज़ुर्गों की देखभाल और खेती में दिन के "
            "कई घंटे लगाती हैं, पर यह काम राष्ट्रीय आँकड़ों में दिखाई नहीं देता।\n\nयह रिपोर्ट समय-उपयोग "
            "सर्वेक्षणों के आधार पर इस काम का मूल्य आँक सकती है और ऐसी नीतियाँ सुझा सकती है जो इसे कम करें, "
            "बाँटें और मान्यता दें: पास में पानी, सामुदायिक शिशु-गृह, और पेंशन में देखभाल के वर्षों की गिनती।"
        ),
        "history": [
            (
                "under_review",
                "Under review: many supporters from Asia and Africa, and a clear gap in the Panel's work so far.",
            ),
            ("shortlisted", "Shortlisted alongside two other topics on gender and work."),
            (
                "selected",
                "Selected for the 2027 report. A call for authors will be published in September; the "
                "proposer and the supporters will be invited to the consultation on the outline.",
            ),
        ],
        "supporters": [1, 3, 4, 5, 6, 9, 13, 14, 15, 16, 17, 18, 19, 20, 23],
    },
    {
        "title": "المياه والعدالة الاجتماعية في المدن العربية",
        "language": "ar",
        "kind": "brief",
        "themes": ["environment", "cities"],
        "proposer": 16,
        "days_ago": 33,
        "description": (
            "في كثير من المدن العربية تصل المياه إلى الأحياء الغنية كل يوم، بينما تنتظر الأحياء الفقيرة أياماً "
            "وتشتري المياه من الصهاريج بأسعار مضاعفة.\n\nنقترح موجز سياسات يقارن بين تجارب التسعير التصاعدي، "
            "وإصلاح الشبكات، وإشراك السكان في إدارة المياه، مع أمثلة من عمّان والدار البيضاء والقاهرة."
        ),
        "history": [
            (
                "under_review",
                "Under review. We are looking for an author who has worked on water tariffs in the region.",
            ),
        ],
        "supporters": [3, 5, 15, 19],
    },
    {
        "title": "老龄化社会中的养老金改革",
        "language": "zh-hans",
        "kind": "report",
        "themes": ["inequality", "health"],
        "proposer": 13,
        "days_ago": 8,
        "description": (
            "从东亚到欧洲，人口老龄化使养老金制度面临压力。许多改革提高了退休年龄或降低了待遇，"
            "但低收入者和非正规就业者往往受影响最大。\n\n建议编写一份报告，比较不同国家的改革路径，"
            "并提出既可持续又公平的方案，例如覆盖农村和灵活就业人员的基础养老金。"
        ),
        "history": [],
        "supporters": [17, 18, 20],
    },
    {
        "title": "Renda básica em economias com alta informalidade",
        "language": "pt",
        "kind": "brief",
        "themes": ["inequality", "work"],
        "proposer": 8,
        "days_ago": 45,
        "description": (
            "As experiências de renda básica costumam ser estudadas em países ricos, com empregos formais. "
            "Mas a maior parte dos trabalhadores do mundo está na economia informal.\n\nUm policy brief poderia "
            "reunir o que sabemos de programas no Brasil, no Quênia e na Índia: efeitos sobre trabalho, saúde e "
            "autonomia das mulheres, custos e formas de financiamento."
        ),
        "history": [
            ("under_review", "Under review with the working group on inequality."),
            (
                "shortlisted",
                "Shortlisted. The Bureau suggests a brief rather than a full report, as the proposer asked.",
            ),
        ],
        "supporters": [2, 4, 6, 7, 9, 10, 12, 21],
    },
    {
        "title": "Misinformation, platforms and democratic participation",
        "language": "en",
        "kind": "report",
        "themes": ["democracy", "technology"],
        "proposer": 10,
        "days_ago": 70,
        "description": (
            "Elections in many countries are now fought on messaging apps and video platforms, where false "
            "claims travel fast and moderation is weak outside English. What works to protect democratic debate "
            "without handing censorship powers to governments or companies?"
        ),
        "history": [
            ("under_review", "Under review."),
            (
                "declined",
                "Declined for now: the Panel's 2025 report on media and democracy covers this question "
                "in depth, and its authors are preparing an update. We encourage a narrower proposal, for example "
                "on moderation in languages other than English.",
            ),
        ],
        "supporters": [21, 24],
    },
    {
        "title": "Доступ к высшему образованию в малых городах",
        "language": "ru",
        "kind": "brief",
        "themes": ["education", "inequality"],
        "proposer": 20,
        "days_ago": 5,
        "description": (
            "Молодые люди из малых городов и сёл реже поступают в университеты, а поступив, чаще бросают учёбу "
            "из-за стоимости жилья и переезда.\n\nПредлагаю аналитическую записку о том, что помогает: "
            "региональные кампусы, дистанционные программы с наставниками, стипендии на проживание."
        ),
        "history": [],
        "supporters": [22],
    },
    {
        "title": "তৈরি পোশাক শিল্পে শ্রমিকদের নিরাপত্তা ও ন্যায্য মজুরি",
        "language": "bn",
        "kind": "brief",
        "themes": ["work", "gender"],
        "proposer": 14,
        "days_ago": 27,
        "description": (
            "রানা প্লাজা ধসের এক দশক পরে কারখানার নিরাপত্তা অনেক উন্নত হয়েছে, কিন্তু মজুরি এখনও জীবনধারণের "
            "খরচের তুলনায় কম, এবং শ্রমিকদের বেশিরভাগই নারী।\n\nএকটি নীতি-সংক্ষেপে ক্রেতা ব্র্যান্ড, সরকার ও "
            "শ্রমিক সংগঠনের চুক্তিগুলোর অভিজ্ঞতা তুলনা করা যেতে পারে।"
        ),
        "history": [
            (
                "under_review",
                "Under review. The Bureau asks whether the brief should cover other exporting "
                "countries too; comments on this are welcome.",
            ),
        ],
        "supporters": [1, 6, 12, 15, 18, 19, 22],
    },
    {
        "title": "اسکول سے باہر بچوں کی تعلیم",
        "language": "ur",
        "kind": "report",
        "themes": ["education"],
        "proposer": 15,
        "days_ago": 3,
        "description": (
            "جنوبی ایشیا میں لاکھوں بچے اسکول نہیں جاتے، خاص طور پر لڑکیاں اور دور دراز علاقوں کے بچے۔\n\n"
            "یہ رپورٹ ان پروگراموں کا جائزہ لے سکتی ہے جو کامیاب رہے: کمیونٹی اسکول، نقد امداد کی شرط کے "
            "ساتھ حاضری، اور مقامی زبان میں ابتدائی تعلیم۔"
        ),
        "history": [],
        "supporters": [5, 12],
    },
    {
        "title": "Budgets participatifs et qualité des services publics",
        "language": "fr",
        "kind": "brief",
        "themes": ["democracy", "cities"],
        "proposer": 1,
        "days_ago": 80,
        "description": (
            "Les budgets participatifs se sont répandus dans des milliers de villes. On sait qu'ils augmentent "
            "la participation ; on sait moins s'ils améliorent vraiment l'eau, les écoles ou la santé dans les "
            "quartiers pauvres."
        ),
        "history": [
            (
                "declined",
                "Declined: the practice review of Porto Alegre's participatory budget, published in the "
                "portal this year, answers most of these questions. A proposal on its effects outside Latin America "
                "would be welcome.",
            ),
        ],
        "supporters": [7, 9],
    },
]

# (proposal index, supporter index of the author, text)
COMMENTS = [
    (
        0,
        21,
        "In Norway the debate is about whether platform workers are employees at all. A comparison of "
        "court rulings would help.",
    ),
    (0, 6, "Please include domestic workers hired through apps: they are often left out of these discussions."),
    (1, 9, "En Bogotá hay experiencias interesantes de mejoramiento de barrios con participación comunitaria."),
    (3, 18, "इसमें आँगनवाड़ी कार्यकर्ताओं के अनुभव को भी शामिल करना चाहिए।"),
]
