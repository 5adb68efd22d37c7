"""English source text of the demo site. Translations live in demo_translations/<language>.json,
keyed by these exact strings, and are applied through wagtail-localize (see cms/demo.py)."""

HOME = {
    "title": "International Panel on Social Progress",
    "hero_heading": "Rethinking society for the 21st century",
    "hero_intro": (
        "More than 300 researchers from every region assess what we know about social progress, "
        "and how institutions, policies and movements can make societies fairer and freer."
    ),
    "mission_heading": "Our mission",
    "mission": [
        "The International Panel on Social Progress is an independent panel of scholars and practitioners. "
        "It gathers the best knowledge on the long-term transformation of societies and makes it useful "
        "to those who shape them.",
        "Its reports, policy briefs and toolkits are written for decision makers and citizens alike, and "
        "its portal connects the people who turn this knowledge into practice.",
    ],
    "search_description": "An independent panel of scholars and practitioners working for social progress.",
    # The main messages of the Panel's report as its own summaries state them: IPSP, "Rethinking
    # Society for the 21st Century" (Cambridge University Press, 2018) and "A Manifesto for Social
    # Progress" (Fleurbaey et al., Cambridge University Press, 2018).
    "key_messages": [
        "A better society is possible: rising inequality and the erosion of democracy are not inevitable.",
        "Markets, states and civil society all have to change; none of them can deliver social progress alone.",
        "Everyone can act for social progress, from citizens and firms to cities and international organisations.",
    ],
}

PAGES = [
    {
        "key": "about",
        "type": "standard",
        "parent": "home",
        "title": "About the Panel",
        "slug": "about",
        "show_in_menus": True,
        "introduction": (
            "The Panel was launched in 2015 to do for social questions what climate scientists had done "
            "for the environment: assess the evidence, openly and from every region."
        ),
        "search_description": "Who we are, how we work and who supports us.",
        "body": [
            ("heading", "An assessment, not an opinion"),
            (
                "paragraph",
                "Each chapter of the Panel's reports is written by a team of lead authors from several "
                "disciplines and world regions, and reviewed by experts outside the team before publication.",
            ),
            (
                "paragraph",
                "The Panel receives no instructions from governments, companies or parties. Its authors "
                "work without pay and declare their interests.",
            ),
            ("heading", "From knowledge to action"),
            (
                "paragraph",
                "Beyond its reports, the Panel runs a portal of inspiring practices reviewed by experts, "
                "a network of thinkers and doers, and an annual World Social Progress Forum.",
            ),
            ("quote", "Social progress is not a fate: it is a choice that societies make together."),
        ],
    },
    {
        "key": "governance",
        "type": "standard",
        "parent": "about",
        "title": "How the Panel works",
        "slug": "how-the-panel-works",
        "show_in_menus": False,
        "introduction": "A steering committee, an editorial board and expert reviewers share the work.",
        "search_description": "Governance, review and independence of the Panel.",
        "body": [
            ("heading", "Expert review"),
            (
                "paragraph",
                "Every report chapter and every practice in the portal is reviewed by experts who did not "
                "write it, including at least one from another world region.",
            ),
            ("heading", "Editorial sign-off"),
            (
                "paragraph",
                "After expert review, the editorial board checks the text once more and publishes it in all "
                "ten languages of the Panel.",
            ),
        ],
    },
    {
        "key": "reports",
        "type": "reports",
        "parent": "home",
        "title": "Reports and policy briefs",
        "slug": "reports",
        "show_in_menus": True,
        "introduction": "The Panel's assessments of social progress, with recommendations and toolkits.",
        "search_description": "Read the Panel's reports and the recommendations drawn from them.",
    },
    {
        "key": "take_part",
        "type": "take_part",
        "parent": "home",
        "title": "Take part",
        "slug": "take-part",
        "show_in_menus": True,
        "introduction": (
            "Comment on the Panel's drafts while consultations are open, propose topics for the next report, "
            "share the practices you know and meet the network."
        ),
        "search_description": (
            "Consultations, topic proposals, practices and the member directory: every way to take part in the "
            "Panel's work."
        ),
    },
    {
        "key": "practices",
        "type": "practices",
        "parent": "home",
        "title": "Inspiring practices",
        "slug": "practices",
        "show_in_menus": True,
        "introduction": "Initiatives from around the world that make societies fairer, reviewed by experts.",
        "search_description": "A repository of practices and initiatives reviewed by experts.",
    },
    {
        "key": "review-criteria",
        "type": "standard",
        "parent": "practices",
        "title": "How practices are reviewed",
        "slug": "how-practices-are-reviewed",
        "show_in_menus": False,
        "introduction": "Four published criteria guide every expert review.",
        "search_description": "The criteria experts apply to every practice.",
        "body": [
            (
                "paragraph",
                "Reviewers look for evidence of results, relevance to social progress, adaptability to other "
                "places, and the participation of the people affected.",
            ),
        ],
    },
    {
        "key": "contact",
        "type": "standard",
        "parent": "home",
        "title": "Contact",
        "slug": "contact",
        "show_in_menus": False,
        "show_in_footer": True,
        "introduction": "Write to the Panel's secretariat; we answer in any of our ten languages.",
        "search_description": "How to reach the Panel's secretariat.",
        "body": [
            (
                "paragraph",
                "The secretariat answers questions about the reports, the portal and the Forum. Journalists "
                "can ask for interviews with the authors.",
            ),
        ],
    },
    {
        "key": "privacy",
        "type": "standard",
        "parent": "home",
        "title": "Privacy",
        "slug": "privacy",
        "show_in_menus": False,
        "show_in_footer": True,
        "introduction": "What we collect, why, and how to ask us to delete it.",
        "search_description": "How the Panel handles personal data.",
        "body": [
            (
                "paragraph",
                "This site sets no advertising or tracking cookies. We keep the data you give us only as long "
                "as needed, and you can ask us to delete it at any time.",
            ),
        ],
    },
    {
        "key": "accessibility",
        "type": "standard",
        "parent": "home",
        "title": "Accessibility",
        "slug": "accessibility",
        "show_in_menus": False,
        "show_in_footer": True,
        "introduction": "This site aims to meet the Web Content Accessibility Guidelines 2.2, level AA.",
        "search_description": "Our accessibility commitment and how to report a barrier.",
        "body": [
            (
                "paragraph",
                "Every page is tested automatically and by people. If something stands in your way, tell us "
                "and we will fix it.",
            ),
        ],
    },
]
