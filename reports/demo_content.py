"""English source text of the reports demo. Translations: demo_translations/<language>.json.

The structure and chapter titles are those of the Panel's first report, "Rethinking Society for
the 21st Century" (Cambridge University Press, 2018); the summaries were written for the demo.
"""

REPORT = {
    "title": "Rethinking Society for the 21st Century",
    "subtitle": "Report of the International Panel on Social Progress",
    "slug": "rethinking-society",
    # One Panel theme (a THEMES slug): the communities of practice on it list the report's chapters.
    "theme": "democracy",
    "edition_year": 2018,
    "publisher": "Cambridge University Press",
    "search_description": "The Panel's first report, in three volumes and 22 chapters.",
    "abstract": [
        "More than 300 scholars from every region and discipline assessed what is known about the long-term "
        "transformation of societies, and what institutions and movements can do to make them fairer.",
        "The report covers socio-economic transformations, political regulation and governance, and "
        "transformations in values, norms and cultures.",
    ],
    "editors": [
        "Fleurbaey, Marc",
        "Bouin, Olivier",
        "Salles-Djelic, Marie-Laure",
        "Kanbur, Ravi",
        "Nowotny, Helga",
        "Reis, Elisa",
    ],
}

VOLUMES = [
    (1, "Socio-Economic Transformations"),
    (2, "Political Regulation, Governance, and Societal Transformations"),
    (3, "Transformations in Values, Norms, and Cultures"),
]

# (number, volume, title, summary)
CHAPTERS = [
    (
        1,
        1,
        "Social Trends and New Geographies",
        "How the world's societies have changed since 1945, and where the new centres of growth, conflict and innovation lie.",
    ),
    (
        2,
        1,
        "Social Progress: A Compass",
        "The values and principles that let us tell progress from mere change: well-being, freedom, justice, solidarity and respect.",
    ),
    (
        3,
        1,
        "Economic Inequality and Social Progress",
        "Why income and wealth inequality have risen within many countries, and which policies have reduced it.",
    ),
    (
        4,
        1,
        "Economic Growth, Human Development, and Welfare",
        "What growth has done for human development, and how to pursue welfare within planetary boundaries.",
    ),
    (
        5,
        1,
        "Cities and Social Progress",
        "Cities concentrate opportunity and exclusion; planning, housing and services decide which prevails.",
    ),
    (
        6,
        1,
        "Markets, Finance, and Corporations: Does Capitalism Have a Future?",
        "How corporate governance and finance could serve society, and what alternatives already exist.",
    ),
    (
        7,
        1,
        "The Future of Work – Good Jobs for All",
        "Technology, trade and care are changing work; the chapter assesses how to make good jobs the norm.",
    ),
    (
        8,
        1,
        "Social Justice, Well-Being, and Economic Organization",
        "Economic organisation shapes dignity and voice at work, not only incomes.",
    ),
    (
        9,
        2,
        "The Paradoxes of Democracy and the Rule of Law",
        "Democracy has spread while trust in it has fallen; the chapter examines why and how to renew it.",
    ),
    (
        10,
        2,
        "Violence, Wars, Peace, Security",
        "The changing forms of violence, from wars between states to violence in homes and streets.",
    ),
    (
        11,
        2,
        "International Organizations and the Technology of Governance",
        "What international organisations can and cannot do, and how their legitimacy could grow.",
    ),
    (
        12,
        2,
        "Governing Capital, Labor, and Nature in a Changing World",
        "Global rules for capital, labour and the environment, and who writes them.",
    ),
    (
        13,
        2,
        "Media and Communications",
        "Media and digital platforms shape public debate; the chapter assesses how to keep them open and plural.",
    ),
    (
        14,
        2,
        "Challenges of Inequality to Democracy",
        "Concentrated wealth translates into political power; institutions can limit that translation.",
    ),
    (
        15,
        3,
        "Social Progress and Cultural Change",
        "How cultures change, and why recognition of cultural diversity is part of social progress.",
    ),
    (
        16,
        3,
        "Religions and Social Progress: Critical Assessments and Creative Partnerships",
        "Religions can hinder or advance social progress; the chapter assesses both and the partnerships that work.",
    ),
    (
        17,
        3,
        "Pluralization of Families",
        "Families have become more diverse; law and social policy are catching up unevenly.",
    ),
    (
        18,
        3,
        "Global Health and the Changing Contours of Human Life",
        "Lives have lengthened, but health remains deeply unequal within and between countries.",
    ),
    (
        19,
        3,
        "The Contribution of Education to Social Progress",
        "Education opens opportunities when it is inclusive, and reproduces privilege when it is not.",
    ),
    (
        20,
        3,
        "Belonging",
        "Belonging to a community, a nation or a group can include or exclude; the chapter explores both.",
    ),
    (
        21,
        3,
        "The Multiple Directions of Social Progress: Ways Forward",
        "A synthesis of the report: the reforms and movements that can carry social progress forward.",
    ),
    (
        22,
        3,
        "The Contribution of the Social Sciences to Policy and Institutional Change",
        "How social science knowledge reaches policy, and how to make it more useful to citizens.",
    ),
]

# Every chapter has the same two section headings, so the demo stays compact across languages.
SECTION_HEADINGS = ["What we know", "What can be done"]
SECTION_TEXT = {
    "What we know": "The evidence assembled by the chapter's authors is summarised here for the demo.",
    "What can be done": "The chapter's authors identify policies and initiatives that have worked in several regions.",
}
KEY_MESSAGES = [
    "Progress is possible, but it is not automatic.",
    "The institutions that work best give a voice to the people they affect.",
]

BRIEF = {
    "title": "Reducing inequality: a brief for decision makers",
    "slug": "reducing-inequality",
    # The communities of practice on this theme list the brief's recommendations (its R2 is on work).
    "theme": "work",
    "publication_date": "2019-02-20",
    "search_description": "Four recommendations drawn from the Panel's chapters on inequality.",
    "summary": "Inequality is a choice, not a fate: countries with similar economies have very different levels of inequality because of their institutions.",
    "recommendations": [
        (
            "R1",
            "Combine redistribution through taxes and transfers with fairer market incomes.",
            "Taxes and transfers alone cannot offset growing inequality in market incomes.",
            ["national"],
            [3],
        ),
        (
            "R2",
            "Give workers a voice in the governance of the firms they work for.",
            "Firms with employee representation share gains more evenly and invest for the long term.",
            ["business", "national"],
            [6, 8],
        ),
        (
            "R3",
            "Invest in inclusive early-childhood education.",
            "Inequality of opportunity is set early; quality care and education reduce it.",
            ["local", "national"],
            [19],
        ),
        (
            "R4",
            "Coordinate the taxation of multinational companies and of wealth.",
            "Without cooperation, countries compete to tax mobile capital less.",
            ["international"],
            [12],
        ),
    ],
}

TOOLKIT = {
    "title": "Toolkit: a local inequality audit",
    "slug": "local-inequality-audit",
    "search_description": "Three steps for a municipality to measure and reduce inequality.",
    "introduction": "This toolkit helps a city or region put the brief's recommendations into practice.",
    "steps": [
        (
            "Gather the data",
            "Collect income, housing and service data by neighbourhood.",
            ["Income by neighbourhood", "Access to public services"],
        ),
        (
            "Listen to residents",
            "Hold open meetings in the neighbourhoods most affected.",
            ["Meetings in every district"],
        ),
        ("Choose three priorities", "Agree on three measurable goals with residents.", ["Goals are measurable"]),
    ],
}

THEMES = [("inequality", "Inequality"), ("work", "Work"), ("education", "Education"), ("democracy", "Democracy")]
AUDIENCE_NAMES = []  # audiences are interface strings (locale/*.po), not content

# Chapter 1 also carries "the report in figures": facts about the report itself (its table of
# contents and its authorship), not findings, so nothing is invented. Source: the book's contents,
# IPSP, "Rethinking Society for the 21st Century", Cambridge University Press, 2018, three volumes
# (chapters 1-8, 9-14, 15-22); "more than 300 scholars" is the Panel's own description (see the
# report's abstract above).
FIGURES_CHAPTER = 1
FIGURES_SECTION = {
    "heading": "The report in figures",
    "anchor": "the-report-in-figures",
    "key_figures": [
        ("22", "chapters in three volumes"),
        ("300+", "scholars from every region and discipline wrote the report"),
    ],
    "chart": {
        "title": "Chapters per volume",
        "kind": "bar",
        "data": "Volume,Chapters\nVolume 1,8\nVolume 2,6\nVolume 3,8",
        "unit": "",
    },
    "source": "International Panel on Social Progress, Rethinking Society for the 21st Century, Cambridge University Press, 2018",
}
