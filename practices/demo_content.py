"""Demo practices for seed_demo: real, documented initiatives from every world region
(facts only: what, where, since when, who).
"""

from __future__ import annotations

PRACTICES: list[dict] = [
    {
        "external_id": "demo-rwanda-community-health-workers",
        "slug": "rwanda-community-health-workers",
        "title": "Rwanda's Community Health Workers Programme",
        "summary": (
            "Rwanda's national community health worker programme places elected, trained volunteers in every "
            "village to deliver basic health services close to home. It is run by the Ministry of Health through "
            "the Rwanda Biomedical Centre and has been built up since the mid-1990s."
        ),
        "problem": (
            "After the 1994 genocide, Rwanda's health system was devastated and many rural households lived far "
            "from a health centre. Preventable causes such as malaria, pneumonia, diarrhoea and complications of "
            "pregnancy caused a large share of child and maternal deaths."
        ),
        "approach": (
            "Each village elects community health workers, including a pair who treat common childhood illnesses "
            "and a worker focused on maternal and newborn health. They are trained and supervised by local health "
            "centres, report data through the national health information system, and are organised in "
            "cooperatives that receive performance-based payments. The programme is embedded in Rwanda's wider "
            "reforms, including community-based health insurance."
        ),
        "results": (
            "Rwanda recorded large reductions in child and maternal mortality during the 2000s and 2010s. "
            "Government reviews and independent studies identify community health workers as one of several "
            "contributing factors."
        ),
        "lessons": (
            "Community health workers are most effective when they are chosen by their communities and tied into "
            "a functioning system of supervision, supplies, referral and data."
        ),
        "adaptation": (
            "Other countries can adapt the model by linking village-level workers to primary health centres and "
            "health insurance, and by defining a clear package of services and a sustainable form of recognition "
            "or pay."
        ),
        "organisations": [
            ["lead", "Ministry of Health, Rwanda"],
            ["partner", "Rwanda Biomedical Centre"],
        ],
        "countries": ["RW"],
        "scale": "national",
        "themes": ["health", "inequality"],
        "sdgs": [3, 5],
        "keywords": ["community health workers", "primary care", "maternal health"],
        "start_year": 1995,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.moh.gov.rw",
        "translated": True,
    },
    {
        "external_id": "demo-m-pesa-mobile-money",
        "slug": "m-pesa-mobile-money",
        "title": "M-Pesa Mobile Money",
        "summary": (
            "M-Pesa is a mobile phone-based money transfer and payment service launched in Kenya in 2007 by the "
            "telecommunications company Safaricom. It lets users deposit, send and withdraw money using a basic "
            "mobile phone and a network of retail agents."
        ),
        "problem": (
            "Most Kenyans, especially in rural areas, had no bank account, and sending money to family members "
            "across the country was slow, costly and risky. Lack of safe ways to save and transfer money left "
            "households exposed to shocks."
        ),
        "approach": (
            "Customers register with an identity document, load cash onto an electronic account at an agent, and "
            "transfer money by text message. Small shops across the country act as agents converting cash to "
            "e-money and back. The service was developed by Safaricom with Vodafone, with an early pilot "
            "supported by the UK Department for International Development."
        ),
        "results": (
            "M-Pesa became widely used across Kenya within a few years and expanded into payments, savings and "
            "credit products. A widely cited study by Tavneet Suri and William Jack (Science, 2016) associated "
            "access to M-Pesa with reduced poverty, particularly for female-headed households."
        ),
        "lessons": (
            "A simple service built around an existing technology and a dense agent network, under a regulator "
            "willing to allow experimentation, can reach people whom banks do not serve."
        ),
        "adaptation": (
            "Adapting the model elsewhere requires proportionate regulation of non-bank e-money, trusted local "
            "agents and attention to consumer protection, fees and interoperability between providers."
        ),
        "organisations": [
            ["lead", "Safaricom"],
            ["partner", "Vodafone"],
        ],
        "countries": ["KE"],
        "scale": "national",
        "themes": ["technology", "inequality"],
        "sdgs": [1, 8, 9],
        "keywords": ["mobile money", "financial inclusion", "payments"],
        "start_year": 2007,
        "status": "active",
        "actor_type": "business",
        "website": "https://www.safaricom.co.ke",
        "translated": True,
    },
    {
        "external_id": "demo-ethiopia-productive-safety-net-programme",
        "slug": "ethiopia-productive-safety-net-programme",
        "title": "Ethiopia's Productive Safety Net Programme",
        "summary": (
            "The Productive Safety Net Programme (PSNP) is Ethiopia's main social safety net for chronically "
            "food-insecure rural households. It was launched by the Government of Ethiopia in 2005 with support "
            "from the World Bank and other development partners."
        ),
        "problem": (
            "For decades, millions of rural Ethiopians depended on emergency food aid that was appealed for year "
            "by year after droughts. This unpredictable support protected lives but did little to prevent the "
            "loss of assets or to address the causes of recurrent food insecurity."
        ),
        "approach": (
            "Households able to work receive predictable cash or food transfers in exchange for participating in "
            "public works such as soil and water conservation, terracing, and building roads and schools. "
            "Households without labour capacity receive unconditional direct support. Transfers are planned over "
            "several years rather than as one-off emergency responses."
        ),
        "results": (
            "Evaluations, including by the International Food Policy Research Institute, have documented "
            "improvements in food security for participating households. Debates continue about targeting, the "
            "level of transfers and how many households can graduate from the programme."
        ),
        "lessons": (
            "Shifting from annual emergency appeals to a predictable, multi-year safety net can protect "
            "households and build community assets at the same time."
        ),
        "adaptation": (
            "Countries facing recurrent drought can combine public works focused on environmental rehabilitation "
            "with direct support for those unable to work, and link the system to early warning so it can scale "
            "up in crises."
        ),
        "organisations": [
            ["lead", "Government of Ethiopia"],
            ["partner", "World Bank"],
        ],
        "countries": ["ET"],
        "scale": "national",
        "themes": ["inequality", "work", "environment"],
        "sdgs": [1, 2, 13],
        "keywords": ["social safety net", "public works", "food security"],
        "start_year": 2005,
        "status": "active",
        "actor_type": "public",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-ghana-leap-cash-transfers",
        "slug": "ghana-leap-cash-transfers",
        "title": "Livelihood Empowerment Against Poverty (LEAP), Ghana",
        "summary": (
            "LEAP is Ghana's flagship cash transfer programme for extremely poor households. It began in 2008 and "
            "is run by the Ministry of Gender, Children and Social Protection."
        ),
        "problem": (
            "Despite economic growth, many households in Ghana remained in extreme poverty, especially those "
            "caring for orphans, older people without support and people with severe disabilities. These "
            "households often could not afford food, school costs or health care."
        ),
        "approach": (
            "Eligible households are identified through community-based and proxy-means targeting and receive "
            "regular cash transfers. Beneficiaries are also enrolled free of charge in the National Health "
            "Insurance Scheme. A component known as LEAP 1000 extended support to poor households with pregnant "
            "women and infants."
        ),
        "results": (
            "Impact evaluations carried out with the University of North Carolina and the Institute of "
            "Statistical, Social and Economic Research at the University of Ghana have reported positive effects "
            "on several household welfare indicators. Evaluators have also noted that irregular payments can "
            "limit these benefits."
        ),
        "lessons": (
            "Linking cash transfers to other services, such as free health insurance enrolment, can extend their "
            "reach, but predictable and timely payment is essential."
        ),
        "adaptation": (
            "Governments can adapt the approach by building a national household register, combining cash with "
            "access to health insurance and other services, and ensuring reliable payment systems."
        ),
        "organisations": [
            ["lead", "Ministry of Gender, Children and Social Protection, Ghana"],
            ["partner", "UNICEF"],
            ["partner", "World Bank"],
        ],
        "countries": ["GH"],
        "scale": "national",
        "themes": ["inequality", "health"],
        "sdgs": [1, 3, 10],
        "keywords": ["cash transfers", "social protection", "health insurance"],
        "start_year": 2008,
        "status": "active",
        "actor_type": "public",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-south-africa-child-support-grant",
        "slug": "south-africa-child-support-grant",
        "title": "South Africa's Child Support Grant",
        "summary": (
            "The Child Support Grant is a means-tested monthly cash grant paid to the primary caregivers of "
            "children in low-income households in South Africa. It was introduced in 1998 and is administered by "
            "the South African Social Security Agency on behalf of the Department of Social Development."
        ),
        "problem": (
            "At the end of apartheid, child poverty in South Africa was extremely high and deeply unequal by race "
            "and region. The existing state maintenance grant reached only a small and unevenly distributed group "
            "of families."
        ),
        "approach": (
            "Following the recommendations of the Lund Committee, the grant is paid to the child's primary "
            "caregiver, whoever that is, rather than only to parents. Eligibility is based on a means test, and "
            "the age limit was progressively raised from young children to all children under 18. Payments are "
            "made monthly through the national social security system."
        ),
        "results": (
            "The grant has become one of the largest social assistance programmes in South Africa by number of "
            "recipients. An impact assessment commissioned by the Department of Social Development, SASSA and "
            "UNICEF associated early receipt of the grant with better nutrition and schooling outcomes."
        ),
        "lessons": (
            "Paying the grant to whoever cares for the child fits real family arrangements, and gradual extension "
            "of eligibility allowed the programme to grow sustainably."
        ),
        "adaptation": (
            "Countries can adapt the model by designing child benefits around caregivers rather than household "
            "heads and by setting simple, transparent eligibility rules that can later be widened."
        ),
        "organisations": [
            ["lead", "South African Social Security Agency (SASSA)"],
            ["partner", "Department of Social Development, South Africa"],
        ],
        "countries": ["ZA"],
        "scale": "national",
        "themes": ["inequality", "gender"],
        "sdgs": [1, 2, 10],
        "keywords": ["cash transfers", "child benefits", "social protection"],
        "start_year": 1998,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.sassa.gov.za",
        "translated": False,
    },
    {
        "external_id": "demo-green-belt-movement",
        "slug": "green-belt-movement",
        "title": "The Green Belt Movement",
        "summary": (
            "The Green Belt Movement is a Kenyan grassroots organisation founded in 1977 by Wangari Maathai under "
            "the National Council of Women of Kenya. It mobilises women's groups to plant trees and combines "
            "environmental conservation with civic education."
        ),
        "problem": (
            "Deforestation in Kenya was causing soil erosion, loss of water sources and shortages of firewood, "
            "which affected rural women most directly. Women had little voice in decisions about land and natural "
            "resources."
        ),
        "approach": (
            "Community groups, mostly of women, establish tree nurseries and plant native trees on farms, school "
            "grounds and public land, receiving a small payment for seedlings that survive. The movement also "
            "runs civic and environmental education and has campaigned to protect public forests and green "
            "spaces."
        ),
        "results": (
            "The movement reports having planted tens of millions of trees in Kenya. Wangari Maathai received the "
            "Nobel Peace Prize in 2004 for her contribution to sustainable development, democracy and peace."
        ),
        "lessons": (
            "Linking practical, income-earning environmental work to women's empowerment and civic rights can "
            "create a lasting movement."
        ),
        "adaptation": (
            "Similar groups elsewhere can combine community tree nurseries with education on land rights and "
            "governance, using native species suited to local ecosystems."
        ),
        "organisations": [
            ["lead", "The Green Belt Movement"],
        ],
        "countries": ["KE"],
        "scale": "national",
        "themes": ["environment", "gender", "democracy"],
        "sdgs": [5, 13, 15],
        "keywords": ["reforestation", "women's groups", "civic education"],
        "start_year": 1977,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.greenbeltmovement.org",
        "translated": False,
    },
    {
        "external_id": "demo-tostan-community-empowerment-program",
        "slug": "tostan-community-empowerment-program",
        "title": "Tostan Community Empowerment Program",
        "summary": (
            "Tostan is a non-governmental organisation founded in Senegal in 1991 by Molly Melching. Its "
            "Community Empowerment Program offers non-formal education in local languages to rural communities in "
            "Senegal and several other West African countries."
        ),
        "problem": (
            "Many rural communities in West Africa had limited access to education in their own languages and "
            "little opportunity to discuss issues such as health, human rights and harmful social norms. "
            "Practices such as female genital cutting and child marriage were sustained by social expectations "
            "shared across intermarrying villages."
        ),
        "approach": (
            "Trained facilitators lead a multi-year programme of classes in local languages on democracy, human "
            "rights, health, hygiene, literacy, numeracy and project management. Communities set up management "
            "committees and discuss the programme with neighbouring villages. Many communities have then made "
            "public declarations to abandon female genital cutting and child marriage."
        ),
        "results": (
            "The first public declaration to abandon female genital cutting was made in the village of Malicounda "
            "Bambara in 1997, and thousands of communities have since made similar declarations. Evaluations have "
            "studied changes in attitudes and practices, with findings that vary between contexts."
        ),
        "lessons": (
            "Social norms change more durably when whole communities, and the wider networks they marry into, "
            "reach decisions together through respectful dialogue."
        ),
        "adaptation": (
            "Organisations elsewhere can adapt the approach by working in local languages, grounding discussion "
            "in human rights and health, and supporting collective public commitments rather than targeting "
            "individuals."
        ),
        "organisations": [
            ["lead", "Tostan"],
        ],
        "countries": ["SN", "GM", "GN", "GW", "ML", "MR"],
        "scale": "multinational",
        "themes": ["gender", "education", "health"],
        "sdgs": [4, 5, 3],
        "keywords": ["non-formal education", "social norms", "human rights"],
        "start_year": 1991,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.tostan.org",
        "translated": False,
    },
    {
        "external_id": "demo-morocco-national-human-development-initiative",
        "slug": "morocco-national-human-development-initiative",
        "title": "National Initiative for Human Development (INDH), Morocco",
        "summary": (
            "The National Initiative for Human Development (INDH) is a Moroccan government programme launched by "
            "King Mohammed VI in 2005. It funds local projects to reduce poverty, exclusion and vulnerability in "
            "poor rural communes and urban neighbourhoods."
        ),
        "problem": (
            "Morocco had high levels of poverty and social exclusion, particularly in rural areas and informal "
            "urban neighbourhoods. Local communities had few channels to shape public investment in their areas."
        ),
        "approach": (
            "Local, provincial and regional human development committees bringing together elected officials, "
            "administration and civil society select and oversee projects such as small infrastructure, "
            "income-generating activities and social services. The programme has run in successive phases, with "
            "the third phase from 2019 focusing on human capital, including early childhood development and "
            "youth."
        ),
        "results": (
            "The INDH has financed a large number of local projects across Morocco and has been supported by "
            "World Bank financing. Assessments have pointed to improved access to basic services in targeted "
            "areas, while noting that the quality of participation varies."
        ),
        "lessons": (
            "A national programme can channel resources through local committees that include civil society, but "
            "genuine participation needs continued attention."
        ),
        "adaptation": (
            "Other countries can adapt the model by pairing national funding with local selection committees and "
            "by focusing successive phases on clear priorities."
        ),
        "organisations": [
            ["lead", "Kingdom of Morocco, National Coordination of the INDH"],
            ["partner", "World Bank"],
        ],
        "countries": ["MA"],
        "scale": "national",
        "themes": ["inequality", "democracy"],
        "sdgs": [1, 10, 16],
        "keywords": ["community development", "poverty reduction", "local participation"],
        "start_year": 2005,
        "status": "active",
        "actor_type": "public",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-participatory-budgeting-porto-alegre",
        "slug": "participatory-budgeting-porto-alegre",
        "title": "Participatory Budgeting in Porto Alegre",
        "summary": (
            "Porto Alegre, in southern Brazil, introduced participatory budgeting in 1989, allowing residents to "
            "decide on priorities for part of the municipal investment budget. The process became a reference for "
            "democratic innovation and has been adapted by cities around the world."
        ),
        "problem": (
            "In the late 1980s, public investment in Porto Alegre largely bypassed poor peripheral "
            "neighbourhoods, which lacked basic services such as sanitation and paved roads. Budget decisions "
            "were made with little transparency and were shaped by clientelism."
        ),
        "approach": (
            "Residents take part in annual assemblies organised by region and by theme, where they set investment "
            "priorities and elect delegates. Delegates and councillors of the Participatory Budget Council "
            "negotiate with the municipal administration, and the agreed priorities are included in the city's "
            "budget. Criteria give more weight to areas with greater needs."
        ),
        "results": (
            "Studies, including analyses by the World Bank and academic researchers, associated the process with "
            "a shift of investment toward poorer neighbourhoods, for example in sanitation and paving. Observers "
            "have noted that participation and the process's influence declined in later years."
        ),
        "lessons": (
            "Participation grows when residents see their decisions translated into visible public works, and it "
            "depends on sustained political commitment."
        ),
        "adaptation": (
            "Cities can start with a defined share of the investment budget, clear rules on how priorities are "
            "weighted, and public reporting on whether the agreed projects are carried out."
        ),
        "organisations": [
            ["lead", "Municipality of Porto Alegre"],
            ["partner", "Participatory Budget Council (COP)"],
        ],
        "countries": ["BR"],
        "scale": "local",
        "themes": ["cities", "democracy", "inequality"],
        "sdgs": [11, 16, 10],
        "keywords": ["participatory budgeting", "local government", "citizen participation"],
        "start_year": 1989,
        "status": "active",
        "actor_type": "public",
        "website": "https://prefeitura.poa.br",
        "translated": True,
    },
    {
        "external_id": "demo-bolsa-familia",
        "slug": "bolsa-familia",
        "title": "Bolsa Família",
        "summary": (
            "Bolsa Família is Brazil's national conditional cash transfer programme for low-income families. It "
            "was created in 2003 by merging several earlier transfer programmes and is run by the federal "
            "ministry responsible for social development."
        ),
        "problem": (
            "Brazil had some of the highest levels of income inequality in the world, and millions of people "
            "lived in extreme poverty. Earlier transfer programmes were fragmented and had overlapping rules."
        ),
        "approach": (
            "Families registered in the Cadastro Único, the national registry of low-income households, receive "
            "monthly payments, usually through a card issued to the mother. Payments are linked to commitments on "
            "school attendance, vaccination and prenatal care. The programme was replaced by Auxílio Brasil in "
            "2021 and relaunched as Bolsa Família in 2023."
        ),
        "results": (
            "Studies by Brazil's Institute for Applied Economic Research (IPEA) and academic researchers have "
            "linked the programme to reductions in extreme poverty and inequality at relatively low fiscal cost. "
            "Research has also documented associations with improved school attendance and child health."
        ),
        "lessons": (
            "A single national registry and simple payment systems allowed Brazil to reach millions of families "
            "efficiently and to coordinate other social programmes."
        ),
        "adaptation": (
            "Countries can adapt the approach by building a unified social registry, paying benefits to women, "
            "and linking transfers to existing health and education services."
        ),
        "organisations": [
            ["lead", "Ministry of Development and Social Assistance, Family and Fight Against Hunger, Brazil"],
            ["partner", "Caixa Econômica Federal"],
        ],
        "countries": ["BR"],
        "scale": "national",
        "themes": ["inequality", "education", "health"],
        "sdgs": [1, 2, 4, 10],
        "keywords": ["cash transfers", "social registry", "poverty reduction"],
        "start_year": 2003,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.gov.br/mds",
        "translated": False,
    },
    {
        "external_id": "demo-progresa-oportunidades",
        "slug": "progresa-oportunidades",
        "title": "Progresa / Oportunidades / Prospera, Mexico",
        "summary": (
            "Progresa was a conditional cash transfer programme launched by the Mexican federal government in "
            "1997 for poor rural families. It was renamed Oportunidades in 2002 and Prospera in 2014, and was "
            "discontinued in 2019."
        ),
        "problem": (
            "Poverty in rural Mexico was passed from one generation to the next through low school attendance, "
            "malnutrition and poor health. Existing subsidies were poorly targeted and often did not reach the "
            "poorest households."
        ),
        "approach": (
            "Poor households received cash payments, usually paid to mothers, on condition that children attended "
            "school and family members used preventive health services. Education grants were higher for older "
            "children and for girls at secondary level. The programme was rolled out in phases, which allowed a "
            "rigorous evaluation comparing early and later participating communities."
        ),
        "results": (
            "The evaluation led by the International Food Policy Research Institute documented increases in "
            "school enrolment and improvements in health indicators. The programme's design and evaluation "
            "strongly influenced conditional cash transfers in Latin America and elsewhere."
        ),
        "lessons": (
            "Building rigorous evaluation into a programme from the start can help it survive changes of "
            "government and inform policy internationally."
        ),
        "adaptation": (
            "Governments can adapt the model by combining cash transfers with investment in schools and clinics, "
            "and by planning a phased rollout that permits evaluation."
        ),
        "organisations": [
            ["lead", "Government of Mexico, Secretariat of Social Development"],
            ["partner", "International Food Policy Research Institute (IFPRI)"],
        ],
        "countries": ["MX"],
        "scale": "national",
        "themes": ["inequality", "education", "health"],
        "sdgs": [1, 4, 3],
        "keywords": ["conditional cash transfers", "impact evaluation", "rural poverty"],
        "start_year": 1997,
        "status": "discontinued",
        "actor_type": "public",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-medellin-metrocable",
        "slug": "medellin-metrocable",
        "title": "Metrocable, Medellín",
        "summary": (
            "Metrocable is an aerial cable car system integrated into the public transport network of Medellín, "
            "Colombia. Its first line opened in 2004 to connect steep, informal hillside neighbourhoods with the "
            "city's metro."
        ),
        "problem": (
            "Many low-income residents of Medellín lived in hillside settlements with poor road access, long and "
            "costly journeys to work and few public services. These neighbourhoods were also affected by high "
            "levels of violence and exclusion from the rest of the city."
        ),
        "approach": (
            "The metro company built cable car lines linked to metro stations with a single fare system. The "
            "cable cars were accompanied by integrated urban projects that added libraries, schools, public "
            "spaces and walkways around the stations, an approach often described as social urbanism."
        ),
        "results": (
            "Studies have documented shorter travel times for residents of the connected neighbourhoods. Research "
            "published in the American Journal of Epidemiology reported a larger decline in violence in "
            "neighbourhoods that received the interventions than in comparison areas, though causes are debated."
        ),
        "lessons": (
            "Transport investments have wider social effects when combined with public spaces and services in the "
            "neighbourhoods they serve."
        ),
        "adaptation": (
            "Cities with steep informal settlements can consider cable cars integrated with the main transit "
            "network and fare system, planned together with local residents and neighbourhood upgrading."
        ),
        "organisations": [
            ["lead", "Metro de Medellín"],
            ["partner", "Municipality of Medellín"],
        ],
        "countries": ["CO"],
        "scale": "local",
        "themes": ["cities", "inequality"],
        "sdgs": [11, 10, 9],
        "keywords": ["public transport", "cable car", "urban upgrading"],
        "start_year": 2004,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.metrodemedellin.gov.co",
        "translated": False,
    },
    {
        "external_id": "demo-chile-crece-contigo",
        "slug": "chile-crece-contigo",
        "title": "Chile Crece Contigo",
        "summary": (
            "Chile Crece Contigo is Chile's comprehensive early childhood protection system. It was launched in "
            "2007 and established in law in 2009 as part of the country's intersectoral social protection system."
        ),
        "problem": (
            "Inequalities in child development in Chile emerged early in life and were linked to family income, "
            "maternal health and access to services. Support for young children was spread across separate "
            "health, education and social programmes."
        ),
        "approach": (
            "The system follows children from the first prenatal check-up through the public health system. All "
            "families receive information and developmental monitoring, while more vulnerable families are "
            "offered additional support such as home visits, early stimulation and priority access to childcare "
            "and social programmes. Municipal networks coordinate health, education and social services."
        ),
        "results": (
            "The system is recognised internationally as an example of integrated early childhood policy. Studies "
            "have examined its effects on child development, with evidence varying by component."
        ),
        "lessons": (
            "Using the universal health system as the entry point allows an early childhood programme to reach "
            "almost all families and to identify those needing extra help."
        ),
        "adaptation": (
            "Countries can adapt the approach by coordinating services around the child from pregnancy onward and "
            "by combining universal support with targeted help for vulnerable families."
        ),
        "organisations": [
            ["lead", "Ministry of Social Development and Family, Chile"],
            ["partner", "Ministry of Health, Chile"],
        ],
        "countries": ["CL"],
        "scale": "national",
        "themes": ["education", "health", "inequality"],
        "sdgs": [1, 3, 4],
        "keywords": ["early childhood", "social protection", "integrated services"],
        "start_year": 2007,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.crececontigo.gob.cl",
        "translated": False,
    },
    {
        "external_id": "demo-costa-rica-payments-for-environmental-services",
        "slug": "costa-rica-payments-for-environmental-services",
        "title": "Costa Rica's Payments for Environmental Services",
        "summary": (
            "Costa Rica's Payments for Environmental Services programme (Pago por Servicios Ambientales) pays "
            "landowners to protect and restore forests. It was established under the 1996 Forestry Law, began "
            "operating in 1997 and is administered by the National Forestry Financing Fund, FONAFIFO."
        ),
        "problem": (
            "Costa Rica lost a large share of its forest cover in the twentieth century, mainly to cattle "
            "ranching and agriculture. Forest owners received no income for the water, biodiversity and climate "
            "benefits that their forests provided to society."
        ),
        "approach": (
            "Landowners sign contracts under which they receive payments per hectare for forest protection, "
            "reforestation, agroforestry or natural regeneration. The programme is funded mainly from a share of "
            "a national fuel tax, complemented by water charges and international sources. Payments are also "
            "available to Indigenous territories."
        ),
        "results": (
            "Costa Rica's forest cover has recovered substantially since the late twentieth century. Researchers "
            "have debated how much of this recovery can be attributed to the programme, with several studies "
            "finding modest additional effects."
        ),
        "lessons": (
            "A dedicated and stable funding source, such as an earmarked fuel tax, helps a payment scheme last "
            "over decades."
        ),
        "adaptation": (
            "Other countries can adapt the model by creating a national fund with earmarked revenue and by "
            "targeting payments to areas at greatest risk of deforestation or with the highest social value."
        ),
        "organisations": [
            ["lead", "National Forestry Financing Fund (FONAFIFO)"],
            ["partner", "Ministry of Environment and Energy, Costa Rica"],
        ],
        "countries": ["CR"],
        "scale": "national",
        "themes": ["environment", "inequality"],
        "sdgs": [15, 13, 1],
        "keywords": ["payments for ecosystem services", "forests", "climate"],
        "start_year": 1997,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.fonafifo.go.cr",
        "translated": False,
    },
    {
        "external_id": "demo-nurse-family-partnership",
        "slug": "nurse-family-partnership",
        "title": "Nurse-Family Partnership",
        "summary": (
            "Nurse-Family Partnership is a home visiting programme in the United States in which registered "
            "nurses visit low-income, first-time mothers from pregnancy until the child's second birthday. It was "
            "developed by David Olds and tested in trials that began in Elmira, New York, in 1977."
        ),
        "problem": (
            "Young, low-income first-time mothers often face isolation, health risks during pregnancy and stress "
            "in the first years of parenting. These difficulties can affect child health, development and safety, "
            "as well as the mother's own prospects."
        ),
        "approach": (
            "Specially trained nurses make regular home visits, following guidelines on prenatal health, child "
            "development, parenting and the mother's life course. The model was tested in randomised trials in "
            "Elmira, Memphis and Denver before being scaled up through a national service office that supports "
            "implementing agencies."
        ),
        "results": (
            "The randomised controlled trials documented benefits in several areas, including prenatal health "
            "behaviours and child maltreatment, with results varying between sites. The programme is often cited "
            "as an example of scaling up an intervention based on trial evidence."
        ),
        "lessons": (
            "Testing a programme carefully before scaling it up, and then maintaining fidelity to the tested "
            "model, builds credibility with funders and policymakers."
        ),
        "adaptation": (
            "Adaptations in other countries, such as the Family Nurse Partnership in England, have shown that "
            "results can differ by context, so local testing is important."
        ),
        "organisations": [
            ["lead", "Nurse-Family Partnership National Service Office"],
            ["partner", "University of Colorado"],
        ],
        "countries": ["US"],
        "scale": "national",
        "themes": ["health", "inequality", "gender"],
        "sdgs": [3, 1, 5],
        "keywords": ["home visiting", "maternal health", "early childhood"],
        "start_year": 1977,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.nursefamilypartnership.org",
        "translated": False,
    },
    {
        "external_id": "demo-at-home-chez-soi",
        "slug": "at-home-chez-soi",
        "title": "At Home/Chez Soi, Canada",
        "summary": (
            "At Home/Chez Soi was a large research demonstration project of Housing First for homeless people "
            "with mental illness in Canada. It was led by the Mental Health Commission of Canada from 2009 to "
            "2013 in Vancouver, Winnipeg, Toronto, Montreal and Moncton."
        ),
        "problem": (
            "People who are homeless and live with serious mental illness often cycle between streets, shelters, "
            "hospitals and jails. Traditional services typically required people to accept treatment or sobriety "
            "before being offered housing."
        ),
        "approach": (
            "Participants were randomly assigned either to Housing First, which offered immediate access to "
            "housing with rent supplements and mental health support, or to the usual services available in their "
            "city. Support teams were matched to participants' level of need. Researchers followed participants "
            "for about two years."
        ),
        "results": (
            "The trial found that participants in Housing First obtained housing more quickly and remained stably "
            "housed more often than those receiving usual services. The findings informed the Government of "
            "Canada's decision to prioritise Housing First in its homelessness strategy."
        ),
        "lessons": (
            "A rigorous multi-site trial, with results published openly, can shift national policy towards "
            "housing-led approaches."
        ),
        "adaptation": (
            "Other countries can use the evidence and the project's published toolkits to introduce Housing "
            "First, adapting support services to local populations, including Indigenous and ethnic minority "
            "communities."
        ),
        "organisations": [
            ["lead", "Mental Health Commission of Canada"],
            ["partner", "Government of Canada"],
        ],
        "countries": ["CA"],
        "scale": "national",
        "themes": ["health", "cities", "inequality"],
        "sdgs": [3, 11, 10],
        "keywords": ["housing first", "homelessness", "mental health"],
        "start_year": 2009,
        "status": "completed",
        "actor_type": "public",
        "website": "https://www.mentalhealthcommission.ca",
        "translated": False,
    },
    {
        "external_id": "demo-sewa-self-employed-womens-association",
        "slug": "sewa-self-employed-womens-association",
        "title": "Self-Employed Women's Association (SEWA)",
        "summary": (
            "SEWA is a trade union of women working in the informal economy, founded in Ahmedabad, India, in 1972 "
            "by Ela Bhatt. It organises women such as street vendors, home-based workers and agricultural "
            "labourers and has grown into a family of unions, cooperatives and service organisations."
        ),
        "problem": (
            "Most working women in India are self-employed or work informally, without regular wages, legal "
            "protection or social security. They were largely excluded from conventional trade unions and from "
            "formal banking."
        ),
        "approach": (
            "SEWA combines collective bargaining and advocacy with practical services. Members organise by trade, "
            "and cooperatives, including SEWA Bank founded in 1974, provide savings, credit, insurance, health "
            "care and childcare. The organisation campaigns for recognition and legal protection of informal "
            "workers."
        ),
        "results": (
            "SEWA has become one of the largest organisations of informal women workers in India, with members in "
            "several states. It has contributed to advocacy for policies on informal workers, including street "
            "vendors, and inspired organisations in other countries."
        ),
        "lessons": (
            "Combining union organising with member-owned services helps informal workers build both bargaining "
            "power and economic security."
        ),
        "adaptation": (
            "Informal workers elsewhere can adapt the model by organising by trade and building their own "
            "cooperatives and financial services alongside advocacy."
        ),
        "organisations": [
            ["lead", "Self-Employed Women's Association (SEWA)"],
            ["partner", "SEWA Bank"],
        ],
        "countries": ["IN"],
        "scale": "national",
        "themes": ["work", "gender", "inequality"],
        "sdgs": [5, 8, 10, 1],
        "keywords": ["informal economy", "trade union", "cooperatives"],
        "start_year": 1972,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.sewa.org",
        "translated": True,
    },
    {
        "external_id": "demo-barefoot-college",
        "slug": "barefoot-college",
        "title": "Barefoot College",
        "summary": (
            "Barefoot College was founded in 1972 by Sanjit 'Bunker' Roy in Tilonia, Rajasthan, India, as the "
            "Social Work and Research Centre. It trains rural people, many without formal education, to provide "
            "services such as solar electricity, water and education in their own communities."
        ),
        "problem": (
            "Rural villages in India and other countries often lacked electricity, safe water and schooling, and "
            "depended on outside experts to provide them. Formal qualifications excluded many capable rural "
            "people, especially women, from technical roles."
        ),
        "approach": (
            "The college values practical knowledge and trains villagers through hands-on learning rather than "
            "formal certification. Rural women, many of them grandmothers, are trained as solar engineers who "
            "install and maintain solar lighting in their villages, including participants from other countries "
            "in Africa, Asia and Latin America. The college has also run night schools for children who work "
            "during the day."
        ),
        "results": (
            "Women trained by the college have installed solar lighting systems in villages in India and in many "
            "other countries. The college's model has been widely documented and has received international "
            "recognition."
        ),
        "lessons": (
            "People without formal qualifications can master and maintain technologies when training is practical "
            "and rooted in their communities."
        ),
        "adaptation": (
            "Organisations elsewhere can adapt the model by selecting trainees with their communities, training "
            "them in practical skills and ensuring that communities support maintenance over time."
        ),
        "organisations": [
            ["lead", "Barefoot College (Social Work and Research Centre)"],
        ],
        "countries": ["IN"],
        "scale": "national",
        "themes": ["education", "environment", "gender"],
        "sdgs": [4, 7, 5],
        "keywords": ["solar energy", "rural development", "vocational training"],
        "start_year": 1972,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.barefootcollege.org",
        "translated": False,
    },
    {
        "external_id": "demo-brac-ultra-poor-graduation",
        "slug": "brac-ultra-poor-graduation",
        "title": "BRAC Ultra-Poor Graduation Programme",
        "summary": (
            "BRAC's ultra-poor graduation programme supports the poorest households in Bangladesh to build "
            "sustainable livelihoods. It began in 2002, originally under the name Challenging the Frontiers of "
            "Poverty Reduction - Targeting the Ultra Poor."
        ),
        "problem": (
            "The poorest households in Bangladesh, often headed by women, were usually not reached by "
            "microfinance and had few assets or skills. Without support they had little chance of escaping "
            "extreme poverty."
        ),
        "approach": (
            "Selected households receive a productive asset, such as livestock, together with a temporary "
            "consumption stipend, training, encouragement to save, access to health services and regular coaching "
            "visits over about two years. The aim is for participants to graduate to self-sustaining livelihoods "
            "and to access mainstream services such as microfinance."
        ),
        "results": (
            "A randomised evaluation in Bangladesh documented lasting gains in earnings and assets for "
            "participating women. A six-country randomised study of adapted programmes, published in Science in "
            "2015, reported positive effects in most sites."
        ),
        "lessons": (
            "A carefully sequenced bundle of support, rather than a single intervention, can help the poorest "
            "households move out of extreme poverty."
        ),
        "adaptation": (
            "The approach has been adapted by governments and NGOs in many countries, which need to adjust the "
            "asset, the coaching and the duration to local livelihoods and markets."
        ),
        "organisations": [
            ["lead", "BRAC"],
        ],
        "countries": ["BD"],
        "scale": "national",
        "themes": ["inequality", "work", "gender"],
        "sdgs": [1, 5, 8],
        "keywords": ["graduation approach", "extreme poverty", "livelihoods"],
        "start_year": 2002,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.brac.net",
        "translated": False,
    },
    {
        "external_id": "demo-grameen-bank",
        "slug": "grameen-bank",
        "title": "Grameen Bank",
        "summary": (
            "Grameen Bank is a microfinance bank in Bangladesh that provides small loans to poor people, most of "
            "them women, without collateral. It grew out of a research project started by economist Muhammad "
            "Yunus in 1976 and was established as a bank in 1983."
        ),
        "problem": (
            "Poor rural people in Bangladesh, especially women, could not obtain loans from commercial banks "
            "because they had no collateral. They often depended on moneylenders charging very high interest."
        ),
        "approach": (
            "Borrowers form small groups whose members support one another, and loans are repaid in small regular "
            "instalments. The bank is largely owned by its borrowers. Over time it added savings, pension and "
            "other financial products."
        ),
        "results": (
            "Grameen Bank and Muhammad Yunus were jointly awarded the Nobel Peace Prize in 2006. Rigorous studies "
            "of microcredit in general have found more modest effects on poverty than early claims suggested, "
            "while confirming its value for access to finance."
        ),
        "lessons": (
            "Lending methods adapted to poor borrowers can make credit accessible without collateral, but credit "
            "alone is not enough to end poverty."
        ),
        "adaptation": (
            "Microfinance institutions elsewhere can adapt group-based lending and borrower ownership, alongside "
            "consumer protection and complementary services."
        ),
        "organisations": [
            ["lead", "Grameen Bank"],
        ],
        "countries": ["BD"],
        "scale": "national",
        "themes": ["inequality", "gender", "work"],
        "sdgs": [1, 5, 8],
        "keywords": ["microfinance", "microcredit", "financial inclusion"],
        "start_year": 1983,
        "status": "active",
        "actor_type": "civil-society",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-kudumbashree",
        "slug": "kudumbashree",
        "title": "Kudumbashree, Kerala",
        "summary": (
            "Kudumbashree is the poverty eradication and women's empowerment programme of the Government of "
            "Kerala, India. It was launched in 1998 by the State Poverty Eradication Mission and works through a "
            "statewide network of women's neighbourhood groups."
        ),
        "problem": (
            "Poverty in Kerala persisted among certain households despite the state's strong social indicators. "
            "Poor women had limited access to credit, income opportunities and decision-making in local "
            "government."
        ),
        "approach": (
            "Women are organised into neighbourhood groups, federated at ward level into area development "
            "societies and at local government level into community development societies. The groups run savings "
            "and credit, microenterprises and collective farming, and work closely with elected local governments "
            "on planning and service delivery."
        ),
        "results": (
            "Kudumbashree has become one of the largest women's community networks in India and is widely studied "
            "as a model for linking women's groups with local government. It also serves as Kerala's state rural "
            "livelihoods mission."
        ),
        "lessons": (
            "Linking women's collectives directly to decentralised local government gives them both economic and "
            "political voice."
        ),
        "adaptation": (
            "Other states and countries can adapt the three-tier structure of women's groups and connect it "
            "formally to local government planning and budgets."
        ),
        "organisations": [
            ["lead", "Kudumbashree State Poverty Eradication Mission, Government of Kerala"],
        ],
        "countries": ["IN"],
        "scale": "subnational",
        "themes": ["gender", "inequality", "democracy"],
        "sdgs": [1, 5, 8],
        "keywords": ["self-help groups", "women's empowerment", "local government"],
        "start_year": 1998,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.kudumbashree.org",
        "translated": False,
    },
    {
        "external_id": "demo-indonesia-program-keluarga-harapan",
        "slug": "indonesia-program-keluarga-harapan",
        "title": "Program Keluarga Harapan (PKH), Indonesia",
        "summary": (
            "Program Keluarga Harapan (Family Hope Programme) is Indonesia's national conditional cash transfer "
            "programme for poor families. It was launched in 2007 and is run by the Ministry of Social Affairs."
        ),
        "problem": (
            "Many poor families in Indonesia did not use maternal and child health services or keep children in "
            "school. Low use of these services contributed to poor health outcomes and to poverty passing between "
            "generations."
        ),
        "approach": (
            "Eligible poor households receive regular cash transfers on condition that pregnant women and young "
            "children use health services and that children attend school. Later components extended support to "
            "households with older people and people with severe disabilities. Facilitators support families and "
            "monitor compliance."
        ),
        "results": (
            "A randomised evaluation of the programme documented increased use of maternal and child health "
            "services and, over the longer term, improvements in schooling and child health indicators. The "
            "programme has grown into one of the largest social assistance programmes in Indonesia."
        ),
        "lessons": (
            "Introducing a programme in stages, with random assignment in the early phase, provided evidence that "
            "helped justify its expansion."
        ),
        "adaptation": (
            "Countries can adapt the approach by linking cash transfers to existing health and education services "
            "and by investing in local facilitators who support families."
        ),
        "organisations": [
            ["lead", "Ministry of Social Affairs, Indonesia"],
            ["partner", "World Bank"],
        ],
        "countries": ["ID"],
        "scale": "national",
        "themes": ["inequality", "health", "education"],
        "sdgs": [1, 3, 4],
        "keywords": ["conditional cash transfers", "maternal health", "social protection"],
        "start_year": 2007,
        "status": "active",
        "actor_type": "public",
        "website": "https://kemensos.go.id",
        "translated": False,
    },
    {
        "external_id": "demo-thailand-universal-coverage-scheme",
        "slug": "thailand-universal-coverage-scheme",
        "title": "Thailand's Universal Coverage Scheme",
        "summary": (
            "Thailand's Universal Coverage Scheme provides tax-funded health coverage to people not covered by "
            "the civil servant or social security schemes. It was introduced in pilot provinces in 2001, extended "
            "nationwide in 2002 and is managed by the National Health Security Office."
        ),
        "problem": (
            "Before the scheme, a large part of Thailand's population, especially informal workers and rural "
            "families, had no health insurance. Illness could lead to large out-of-pocket payments and push "
            "households into poverty."
        ),
        "approach": (
            "Everyone eligible registers with a primary care unit in their area, and care is financed mainly "
            "through capitation payments from general taxation. It was popularly known as the 30-baht scheme "
            "because of the small co-payment per visit in its early years. The National Health Security Act of "
            "2002 established the legal and institutional basis."
        ),
        "results": (
            "Studies have documented reductions in out-of-pocket health spending and in catastrophic health "
            "expenditure since the scheme was introduced. Thailand is frequently cited by the World Health "
            "Organization and others as an example of achieving universal health coverage at middle income."
        ),
        "lessons": (
            "Strong primary care networks and long-term investment in health financing expertise made universal "
            "coverage possible before the country became wealthy."
        ),
        "adaptation": (
            "Other countries can adapt the approach by financing coverage from general revenue, registering "
            "people with primary care providers and building an independent purchasing agency."
        ),
        "organisations": [
            ["lead", "National Health Security Office, Thailand"],
            ["partner", "Ministry of Public Health, Thailand"],
        ],
        "countries": ["TH"],
        "scale": "national",
        "themes": ["health", "inequality"],
        "sdgs": [3, 1, 10],
        "keywords": ["universal health coverage", "health financing", "primary care"],
        "start_year": 2002,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.nhso.go.th",
        "translated": False,
    },
    {
        "external_id": "demo-housing-first-finland",
        "slug": "housing-first-finland",
        "title": "Housing First in Finland",
        "summary": (
            "Finland adopted Housing First as the basis of its national homelessness policy in 2008, starting "
            "with a national programme to reduce long-term homelessness. It is implemented by the state, "
            "municipalities and non-profit organisations, including the Y-Foundation."
        ),
        "problem": (
            "Long-term homelessness in Finland persisted despite decades of shelters and temporary accommodation. "
            "Many people were expected to solve problems such as substance use before they could be offered a "
            "permanent home."
        ),
        "approach": (
            "People experiencing homelessness are offered a permanent home with their own tenancy, together with "
            "the support they need, without preconditions such as sobriety. Many former shelters were converted "
            "into supported housing units, and the Y-Foundation acquires apartments across the housing stock for "
            "use as affordable rental homes. National programmes coordinated by the Ministry of the Environment "
            "brought together central government funding and the largest cities."
        ),
        "results": (
            "National statistics compiled by the Housing Finance and Development Centre of Finland (ARA) show "
            "that homelessness, and long-term homelessness in particular, has declined since the programme began, "
            "in contrast to trends in most other European countries."
        ),
        "lessons": (
            "Ending long-term homelessness requires not only a change in service philosophy but also a sustained "
            "supply of affordable housing."
        ),
        "adaptation": (
            "Other countries can adapt the model by combining Housing First support services with a dedicated "
            "programme to acquire or build affordable homes and by coordinating national and municipal action."
        ),
        "organisations": [
            ["lead", "Ministry of the Environment, Finland"],
            ["lead", "Y-Foundation"],
            ["partner", "Housing Finance and Development Centre of Finland (ARA)"],
            ["partner", "City of Helsinki"],
        ],
        "countries": ["FI"],
        "scale": "national",
        "themes": ["cities", "inequality", "health"],
        "sdgs": [11, 1, 10],
        "keywords": ["housing first", "homelessness", "social housing"],
        "start_year": 2008,
        "status": "active",
        "actor_type": "public",
        "website": "https://ysaatio.fi",
        "translated": True,
    },
    {
        "external_id": "demo-mondragon-corporation",
        "slug": "mondragon-corporation",
        "title": "Mondragon Corporation",
        "summary": (
            "Mondragon is a federation of worker cooperatives based in the Basque Country, Spain. It originated "
            "in 1956 with the founding of the cooperative Ulgor by graduates of a technical school established by "
            "the priest José María Arizmendiarrieta."
        ),
        "problem": (
            "After the Spanish Civil War, the town of Mondragon faced poverty, unemployment and limited "
            "opportunities for education and industrial work. Workers had little ownership of, or say in, the "
            "firms where they worked."
        ),
        "approach": (
            "Worker-members own their cooperatives and elect their governing bodies, with pay ratios between the "
            "highest and lowest earners set by the cooperatives. The group includes industrial, retail, financial "
            "and educational cooperatives, and shared institutions support research, training and the relocation "
            "of members between cooperatives in difficult times."
        ),
        "results": (
            "Mondragon has grown into one of the largest cooperative groups in the world, including the retailer "
            "Eroski and Mondragon University. The closure of the appliance maker Fagor Electrodomésticos in 2013 "
            "showed both the strength of inter-cooperative solidarity and its limits."
        ),
        "lessons": (
            "Shared institutions for finance, education and mutual support help worker cooperatives to grow and "
            "to weather crises."
        ),
        "adaptation": (
            "Cooperative movements elsewhere can adapt the model by building shared financial and training "
            "institutions and by creating mechanisms for solidarity between cooperatives."
        ),
        "organisations": [
            ["lead", "Mondragon Corporation"],
            ["partner", "Mondragon University"],
        ],
        "countries": ["ES"],
        "scale": "subnational",
        "themes": ["work", "inequality"],
        "sdgs": [8, 10, 9],
        "keywords": ["worker cooperatives", "social economy", "employee ownership"],
        "start_year": 1956,
        "status": "active",
        "actor_type": "business",
        "website": "https://www.mondragon-corporation.com",
        "translated": False,
    },
    {
        "external_id": "demo-vienna-social-housing",
        "slug": "vienna-social-housing",
        "title": "Vienna's Social Housing",
        "summary": (
            "Vienna in Austria has a long tradition of municipal and subsidised social housing. The city began "
            "its large municipal housing programme in 1923 and today provides housing both directly, through "
            "Wiener Wohnen, and through limited-profit housing associations."
        ),
        "problem": (
            "In the early twentieth century, many Viennese workers lived in overcrowded, unhealthy and expensive "
            "rented housing. Without public intervention, housing costs and quality were a major source of "
            "inequality."
        ),
        "approach": (
            "In the 1920s the city financed the construction of municipal housing estates, such as the "
            "Karl-Marx-Hof, through a dedicated housing tax. Today the city owns and manages a large stock of "
            "municipal apartments and subsidises limited-profit housing associations, using land policy and "
            "design competitions to secure quality and affordability. Income limits for entry are relatively "
            "high, so social housing serves a broad part of the population."
        ),
        "results": (
            "A large share of Vienna's population lives in municipal or subsidised limited-profit housing. The "
            "city is frequently cited internationally for comparatively moderate housing costs and for social "
            "mixing in its neighbourhoods."
        ),
        "lessons": (
            "Sustained public investment over a century, and broad eligibility, make social housing a mainstream "
            "option rather than a last resort."
        ),
        "adaptation": (
            "Other cities can adapt elements of the model through active land policy, support for limited-profit "
            "housing providers and quality standards enforced through competitions."
        ),
        "organisations": [
            ["lead", "City of Vienna"],
            ["partner", "Wiener Wohnen"],
        ],
        "countries": ["AT"],
        "scale": "local",
        "themes": ["cities", "inequality"],
        "sdgs": [11, 10, 1],
        "keywords": ["social housing", "affordable housing", "urban policy"],
        "start_year": 1923,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.wienerwohnen.at",
        "translated": False,
    },
    {
        "external_id": "demo-estonia-e-governance",
        "slug": "estonia-e-governance",
        "title": "e-Estonia Digital Government",
        "summary": (
            "Estonia has built one of the most comprehensive digital public service systems in the world, known "
            "as e-Estonia. Its core components include the X-Road data exchange layer, introduced in 2001, and a "
            "national digital identity card issued since 2002."
        ),
        "problem": (
            "After regaining independence in 1991, Estonia had to build public administration with limited "
            "resources and a small population. Paper-based services were slow and required citizens to provide "
            "the same information repeatedly to different agencies."
        ),
        "approach": (
            "The X-Road allows public and private databases to exchange data securely while remaining "
            "decentralised, and the digital ID lets people sign documents and access services online. The "
            "once-only principle means the state should not ask for the same data twice. Estonia introduced "
            "internet voting in 2005 and e-Residency in 2014."
        ),
        "results": (
            "Almost all public services in Estonia can now be used online. The X-Road software is jointly "
            "developed with Finland through the Nordic Institute for Interoperability Solutions and has been "
            "adopted or adapted in several other countries."
        ),
        "lessons": (
            "Secure digital identity and interoperable data exchange, supported by law and public trust, are the "
            "foundation of effective digital government."
        ),
        "adaptation": (
            "Other countries can adapt the open-source X-Road software and combine it with a legal framework for "
            "digital identity, data protection and citizens' right to see who accessed their data."
        ),
        "organisations": [
            ["lead", "Information System Authority (RIA), Estonia"],
            ["partner", "Nordic Institute for Interoperability Solutions (NIIS)"],
        ],
        "countries": ["EE"],
        "scale": "national",
        "themes": ["technology", "democracy"],
        "sdgs": [16, 9, 17],
        "keywords": ["digital government", "digital identity", "interoperability"],
        "start_year": 2001,
        "status": "active",
        "actor_type": "public",
        "website": "https://e-estonia.com",
        "translated": False,
    },
    {
        "external_id": "demo-portugal-drug-decriminalisation",
        "slug": "portugal-drug-decriminalisation",
        "title": "Portugal's Drug Decriminalisation Policy",
        "summary": (
            "Since July 2001, Portugal has treated the acquisition, possession and use of small quantities of "
            "drugs for personal use as an administrative offence rather than a crime. The policy, based on Law "
            "30/2000, was accompanied by an expansion of treatment and harm reduction services."
        ),
        "problem": (
            "In the 1990s Portugal faced a serious heroin problem, with high rates of drug-related HIV infection "
            "and overdose deaths. Criminalising people who use drugs filled courts and prisons without reducing "
            "drug use or its harms."
        ),
        "approach": (
            "People found with drugs for personal use are referred to regional Commissions for the Dissuasion of "
            "Drug Addiction, made up of legal, health and social work professionals. The commissions can refer "
            "people to treatment or apply administrative sanctions. Drug trafficking remains a criminal offence."
        ),
        "results": (
            "Studies have documented decreases in new drug-related HIV infections and in the number of people "
            "imprisoned for drug offences in the years after the reform. In recent years observers have raised "
            "concerns about reduced funding for services and visible drug use in some cities."
        ),
        "lessons": (
            "Decriminalisation works best as part of a health-centred policy with adequate and sustained funding "
            "for treatment and harm reduction."
        ),
        "adaptation": (
            "Other countries can adapt the approach by combining the removal of criminal penalties for personal "
            "use with referral mechanisms and investment in treatment, harm reduction and social reintegration."
        ),
        "organisations": [
            ["lead", "Government of Portugal"],
            ["partner", "Commissions for the Dissuasion of Drug Addiction"],
        ],
        "countries": ["PT"],
        "scale": "national",
        "themes": ["health", "inequality"],
        "sdgs": [3, 16],
        "keywords": ["drug policy", "harm reduction", "public health"],
        "start_year": 2001,
        "status": "active",
        "actor_type": "public",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-buurtzorg-neighbourhood-care",
        "slug": "buurtzorg-neighbourhood-care",
        "title": "Buurtzorg Neighbourhood Care",
        "summary": (
            "Buurtzorg is a non-profit home care organisation in the Netherlands founded in 2006 by the nurse Jos "
            "de Blok. It delivers community nursing through small, self-managing teams of nurses."
        ),
        "problem": (
            "Dutch home care had become fragmented into separately billed tasks delivered by different staff, "
            "with growing layers of management. Patients saw many different carers, and nurses had little time or "
            "autonomy to provide holistic care."
        ),
        "approach": (
            "Small teams of nurses serve a neighbourhood and organise their own work, including intake, planning "
            "and recruitment, with support from coaches and a lean back office. Nurses assess the whole situation "
            "of each client and help them build networks of informal support and self-care. A shared IT system "
            "reduces administrative work."
        ),
        "results": (
            "Buurtzorg grew rapidly to become one of the largest home care providers in the Netherlands, and its "
            "model has been widely studied. Organisations in several other countries have adopted or piloted "
            "Buurtzorg-inspired neighbourhood care teams."
        ),
        "lessons": (
            "Trusting professionals to organise their own work in small teams can improve both the quality of "
            "care and job satisfaction."
        ),
        "adaptation": (
            "Health and care systems elsewhere can adapt the model by funding care by time rather than by task "
            "and by giving small neighbourhood teams real autonomy."
        ),
        "organisations": [
            ["lead", "Stichting Buurtzorg Nederland"],
        ],
        "countries": ["NL"],
        "scale": "national",
        "themes": ["health", "work"],
        "sdgs": [3, 8],
        "keywords": ["home care", "self-management", "community nursing"],
        "start_year": 2006,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.buurtzorg.com",
        "translated": False,
    },
    {
        "external_id": "demo-preston-community-wealth-building",
        "slug": "preston-community-wealth-building",
        "title": "The Preston Model of Community Wealth Building",
        "summary": (
            "The Preston Model is an approach to local economic development pursued by Preston City Council in "
            "north-west England since around 2013. Working with the Centre for Local Economic Strategies (CLES), "
            "the council and other local anchor institutions have sought to keep more of their spending in the "
            "local economy."
        ),
        "problem": (
            "Preston had lost a major planned shopping centre redevelopment and faced austerity, deprivation and "
            "low wages. Much of the money spent by local public institutions flowed out of the area to large "
            "external suppliers."
        ),
        "approach": (
            "Anchor institutions such as the council, a university, a college, a housing association and the "
            "police analysed their procurement and shifted spending towards local suppliers where possible. The "
            "strategy also promotes the Real Living Wage, worker cooperatives, local pension fund investment and "
            "community banking."
        ),
        "results": (
            "Analyses by CLES reported an increase in the share of anchor institutions' procurement spending "
            "retained in Preston and Lancashire. In 2018, PwC's Good Growth for Cities index named Preston the "
            "most improved city in the UK."
        ),
        "lessons": (
            "Public and non-profit institutions can use their everyday spending and investment to strengthen the "
            "local economy."
        ),
        "adaptation": (
            "Other towns and regions can adapt the approach by mapping anchor institutions' spending, setting "
            "shared local procurement goals and supporting local and cooperative businesses to bid for contracts."
        ),
        "organisations": [
            ["lead", "Preston City Council"],
            ["partner", "Centre for Local Economic Strategies (CLES)"],
        ],
        "countries": ["GB"],
        "scale": "local",
        "themes": ["cities", "work", "inequality"],
        "sdgs": [8, 11, 10],
        "keywords": ["community wealth building", "local procurement", "cooperatives"],
        "start_year": 2013,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.preston.gov.uk",
        "translated": False,
    },
    {
        "external_id": "demo-whanau-ora",
        "slug": "whanau-ora",
        "title": "Whānau Ora",
        "summary": (
            "Whānau Ora is a whānau-centred (extended family-centred) approach to wellbeing in Aotearoa New "
            "Zealand, grounded in Māori values. It was launched by the government in 2010, is overseen by Te Puni "
            "Kōkiri, the Ministry of Māori Development, and is delivered through commissioning agencies and "
            "community providers."
        ),
        "problem": (
            "Māori and Pacific families experience persistent inequities in health, education, housing and "
            "income. Government services were often fragmented across agencies and focused on individuals rather "
            "than whole families."
        ),
        "approach": (
            "Following the 2009 report of the Taskforce on Whānau-Centred Initiatives, chaired by Professor Sir "
            "Mason Durie, Whānau Ora supports whānau to set their own goals. Whānau Ora navigators work alongside "
            "families to connect them with the services and opportunities they need across sectors. Since 2014, "
            "non-government commissioning agencies have invested in initiatives for Māori and Pacific families."
        ),
        "results": (
            "Government-commissioned reviews, including a review published in 2019, found that the approach was "
            "achieving positive outcomes for many whānau and recommended continued investment."
        ),
        "lessons": (
            "Services built on a community's own cultural values, and focused on families' own aspirations, can "
            "engage people whom conventional services do not reach."
        ),
        "adaptation": (
            "Other countries can adapt the approach with Indigenous and minority communities by devolving "
            "commissioning to community organisations and funding family-led, cross-sector support."
        ),
        "organisations": [
            ["lead", "Te Puni Kōkiri (Ministry of Māori Development)"],
            ["partner", "Whānau Ora commissioning agencies"],
        ],
        "countries": ["NZ"],
        "scale": "national",
        "themes": ["health", "culture", "inequality"],
        "sdgs": [3, 10, 1],
        "keywords": ["indigenous wellbeing", "family-centred services", "maori"],
        "start_year": 2010,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.tpk.govt.nz",
        "translated": True,
    },
    {
        "external_id": "demo-redfern-aboriginal-medical-service",
        "slug": "redfern-aboriginal-medical-service",
        "title": "Aboriginal Medical Service, Redfern",
        "summary": (
            "The Aboriginal Medical Service in Redfern, Sydney, was established in 1971 as the first Aboriginal "
            "community-controlled health service in Australia. Its model of community control has since been "
            "adopted by Aboriginal community-controlled health organisations across the country."
        ),
        "problem": (
            "Aboriginal people in Australia faced much worse health than other Australians and often experienced "
            "racism and exclusion in mainstream health services. Services were designed without Aboriginal "
            "communities' involvement."
        ),
        "approach": (
            "The service is governed by a board elected from the local Aboriginal community and provides "
            "comprehensive primary health care that includes medical, dental, social and cultural support. It was "
            "set up by Aboriginal activists with volunteer health professionals. Community-controlled services "
            "are represented nationally by the National Aboriginal Community Controlled Health Organisation "
            "(NACCHO)."
        ),
        "results": (
            "The community-controlled model has spread to more than a hundred organisations across Australia and "
            "is recognised in national health policy, including the Closing the Gap agreements."
        ),
        "lessons": "Community control over health services builds trust and makes care culturally safe and accessible.",
        "adaptation": (
            "Indigenous and marginalised communities elsewhere can adapt the model by establishing "
            "community-governed primary health services with comprehensive, culturally grounded care."
        ),
        "organisations": [
            ["lead", "Aboriginal Medical Service Co-operative Ltd"],
            ["partner", "National Aboriginal Community Controlled Health Organisation (NACCHO)"],
        ],
        "countries": ["AU"],
        "scale": "local",
        "themes": ["health", "culture", "inequality"],
        "sdgs": [3, 10],
        "keywords": ["indigenous health", "community control", "primary care"],
        "start_year": 1971,
        "status": "active",
        "actor_type": "community",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-australia-indigenous-rangers",
        "slug": "australia-indigenous-rangers",
        "title": "Indigenous Ranger Program, Australia",
        "summary": (
            "Australia's Indigenous Ranger Program funds Aboriginal and Torres Strait Islander people to manage "
            "land and sea country. It began in 2007 as the Working on Country programme and is now administered "
            "by the National Indigenous Australians Agency."
        ),
        "problem": (
            "Large areas of Australia, many of them Indigenous-owned or managed, face threats from invasive "
            "species, changed fire regimes and loss of biodiversity. Remote Indigenous communities often have few "
            "employment opportunities that draw on their knowledge of country."
        ),
        "approach": (
            "Ranger groups employed through Indigenous organisations carry out fire management, weed and feral "
            "animal control, biodiversity monitoring and protection of cultural sites, combining traditional "
            "knowledge with scientific methods. Many ranger groups work in Indigenous Protected Areas."
        ),
        "results": (
            "Government-commissioned and independent evaluations have reported environmental, cultural, social "
            "and economic benefits from ranger programmes. The programme has been expanded several times."
        ),
        "lessons": (
            "Paying people to care for their own country can support conservation, employment and cultural "
            "continuity at the same time."
        ),
        "adaptation": (
            "Other countries can adapt the approach by funding Indigenous land and sea management through "
            "community organisations and recognising traditional knowledge alongside science."
        ),
        "organisations": [
            ["lead", "National Indigenous Australians Agency"],
            ["partner", "Indigenous ranger organisations"],
        ],
        "countries": ["AU"],
        "scale": "national",
        "themes": ["environment", "culture", "work"],
        "sdgs": [15, 14, 8, 13],
        "keywords": ["indigenous land management", "conservation", "employment"],
        "start_year": 2007,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.niaa.gov.au",
        "translated": False,
    },
    {
        "external_id": "demo-fiji-locally-managed-marine-areas",
        "slug": "fiji-locally-managed-marine-areas",
        "title": "Fiji Locally Managed Marine Area Network",
        "summary": (
            "The Fiji Locally Managed Marine Area (FLMMA) Network supports coastal communities in Fiji to manage "
            "their own fishing grounds. It was formed in 2001, building on community-based work begun in the late "
            "1990s in the village of Ucunivanua with the University of the South Pacific."
        ),
        "problem": (
            "Coastal communities in Fiji depend on reef and lagoon fisheries for food and income, and these "
            "resources were declining. Centralised fisheries management could not effectively monitor the many "
            "customary fishing grounds."
        ),
        "approach": (
            "Communities, working with their traditional leaders, decide on management measures such as temporary "
            "or permanent no-take areas (tabu), gear restrictions and limits on certain species within their "
            "customary fishing grounds. Network partners, including government, universities and NGOs, provide "
            "training in monitoring and share lessons between sites."
        ),
        "results": (
            "Monitoring at Ucunivanua documented a recovery of a locally important clam species after a tabu area "
            "was established. The approach has spread to many communities across Fiji and the wider Pacific."
        ),
        "lessons": (
            "Combining customary tenure and leadership with simple scientific monitoring can make community-based "
            "resource management effective and durable."
        ),
        "adaptation": (
            "Coastal communities elsewhere can adapt the model where customary or community rights over marine "
            "areas exist, supported by networks that share monitoring skills."
        ),
        "organisations": [
            ["lead", "Fiji Locally Managed Marine Area Network"],
            ["partner", "University of the South Pacific"],
            ["partner", "Ministry of Fisheries, Fiji"],
        ],
        "countries": ["FJ"],
        "scale": "national",
        "themes": ["environment", "culture"],
        "sdgs": [14, 1, 2],
        "keywords": ["marine conservation", "fisheries", "community management"],
        "start_year": 2001,
        "status": "active",
        "actor_type": "community",
        "website": "",
        "translated": False,
    },
    {
        "external_id": "demo-fairtrade-international",
        "slug": "fairtrade-international",
        "title": "Fairtrade International",
        "summary": (
            "Fairtrade International coordinates the Fairtrade certification system for products such as coffee, "
            "cocoa, bananas and tea. It was founded in 1997 in Bonn, Germany, as Fairtrade Labelling "
            "Organizations International, building on the Max Havelaar label launched in the Netherlands in 1988."
        ),
        "problem": (
            "Small-scale farmers and agricultural workers in developing countries often receive low and volatile "
            "prices for export crops and have little bargaining power in global supply chains. Consumers had "
            "little way of knowing how the products they bought were produced."
        ),
        "approach": (
            "Producer organisations certified against Fairtrade Standards receive at least the Fairtrade Minimum "
            "Price for many products, plus a Fairtrade Premium that they invest in projects chosen "
            "democratically. Certification is carried out by the independent body FLOCERT. Producer networks in "
            "Africa, Asia and Latin America share in the governance of the system."
        ),
        "results": (
            "Fairtrade has become one of the most widely recognised ethical labels. Research on its impact shows "
            "mixed results, with benefits for producers varying by product, country and organisation."
        ),
        "lessons": (
            "Certification can create a channel between consumers and producers, but its benefits depend on the "
            "volume sold on Fairtrade terms and the strength of producer organisations."
        ),
        "adaptation": (
            "Producer groups and national labelling initiatives can use the standards to enter fair trade "
            "markets, while combining certification with efforts to strengthen cooperatives."
        ),
        "organisations": [
            ["lead", "Fairtrade International"],
            ["partner", "FLOCERT"],
        ],
        "countries": ["DE", "NL", "GB", "KE", "GH", "CI", "IN", "PE"],
        "scale": "global",
        "themes": ["work", "inequality", "environment"],
        "sdgs": [8, 12, 10, 1],
        "keywords": ["fair trade", "certification", "smallholder farmers"],
        "start_year": 1997,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://www.fairtrade.net",
        "translated": False,
    },
    {
        "external_id": "demo-slum-dwellers-international",
        "slug": "slum-dwellers-international",
        "title": "Slum Dwellers International (SDI)",
        "summary": (
            "Slum Dwellers International is a network of community-based federations of the urban poor in cities "
            "across Africa, Asia and Latin America. It was founded in 1996, building on alliances such as the "
            "National Slum Dwellers Federation and Mahila Milan in India, and its secretariat is based in Cape "
            "Town, South Africa."
        ),
        "problem": (
            "Residents of informal settlements often lack secure tenure, basic services and recognition from city "
            "authorities. They are frequently threatened with eviction and excluded from planning decisions that "
            "affect them."
        ),
        "approach": (
            "Federations organise around community savings groups, mostly led by women, which build trust and "
            "funds. Residents profile, map and enumerate their own settlements to produce data that can be used "
            "in negotiations with governments. Community exchanges between cities and countries spread practices "
            "and strengthen the network."
        ),
        "results": (
            "SDI-affiliated federations have produced settlement profiles and enumerations used in city planning "
            "and have negotiated land, housing and services with governments in several countries."
        ),
        "lessons": (
            "Data collected by communities themselves can give the urban poor a recognised voice in city planning."
        ),
        "adaptation": (
            "Residents of informal settlements elsewhere can start with savings groups and self-enumeration and "
            "use exchanges with experienced federations to build partnerships with local authorities."
        ),
        "organisations": [
            ["lead", "Slum Dwellers International"],
            ["partner", "Society for the Promotion of Area Resource Centres (SPARC)"],
        ],
        "countries": ["ZA", "IN", "KE", "UG", "NA", "ZW", "PH"],
        "scale": "multinational",
        "themes": ["cities", "inequality", "democracy"],
        "sdgs": [11, 1, 10, 6],
        "keywords": ["informal settlements", "community savings", "enumeration"],
        "start_year": 1996,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://sdinet.org",
        "translated": False,
    },
    {
        "external_id": "demo-la-via-campesina",
        "slug": "la-via-campesina",
        "title": "La Via Campesina",
        "summary": (
            "La Via Campesina is an international movement of peasants, small-scale farmers, landless people, "
            "rural women, Indigenous peoples and agricultural workers. It was founded in 1993 in Mons, Belgium, "
            "and brings together member organisations from many countries."
        ),
        "problem": (
            "Trade liberalisation and the concentration of agribusiness put pressure on small-scale farmers and "
            "rural communities around the world. Peasant organisations had little voice in international "
            "negotiations on agriculture and trade."
        ),
        "approach": (
            "Member organisations coordinate campaigns and policy proposals at regional and global level. The "
            "movement introduced the concept of food sovereignty at the 1996 World Food Summit and promotes "
            "agroecology, agrarian reform and the rights of peasants."
        ),
        "results": (
            "La Via Campesina played a leading role in the process that led to the adoption of the United Nations "
            "Declaration on the Rights of Peasants and Other People Working in Rural Areas in 2018."
        ),
        "lessons": (
            "Transnational coordination allows small-scale producers to shape international debates that affect "
            "their livelihoods."
        ),
        "adaptation": (
            "Rural organisations can connect to regional and international networks to share agroecological "
            "practices and to advocate jointly for policies that protect small-scale farming."
        ),
        "organisations": [
            ["lead", "La Via Campesina"],
            ["partner", "Landless Workers' Movement (MST)"],
        ],
        "countries": ["BR", "FR", "MX", "ID", "IN", "ZW", "MZ", "HN"],
        "scale": "global",
        "themes": ["environment", "work", "democracy"],
        "sdgs": [2, 1, 10, 15],
        "keywords": ["food sovereignty", "agroecology", "peasant rights"],
        "start_year": 1993,
        "status": "active",
        "actor_type": "civil-society",
        "website": "https://viacampesina.org",
        "translated": False,
    },
    {
        "external_id": "demo-open-government-partnership",
        "slug": "open-government-partnership",
        "title": "Open Government Partnership",
        "summary": (
            "The Open Government Partnership (OGP) is a multilateral initiative that brings together governments "
            "and civil society to promote transparent, participatory and accountable government. It was launched "
            "in 2011 by eight founding governments: Brazil, Indonesia, Mexico, Norway, the Philippines, South "
            "Africa, the United Kingdom and the United States."
        ),
        "problem": (
            "Citizens in many countries have limited access to government information and few ways to influence "
            "or monitor public decisions. Reform commitments on transparency are often made without mechanisms to "
            "follow up on them."
        ),
        "approach": (
            "Each participating government co-creates a national action plan of concrete commitments with civil "
            "society, for example on access to information, open contracting or beneficial ownership "
            "transparency. An Independent Reporting Mechanism assesses the design and implementation of "
            "commitments. Local governments can also join."
        ),
        "results": (
            "Dozens of national governments and a growing number of local governments have joined and produced "
            "action plans. Independent Reporting Mechanism reports document progress on commitments, with "
            "implementation varying between countries."
        ),
        "lessons": (
            "Pairing government commitments with civil society co-creation and independent monitoring makes "
            "reform promises more concrete and verifiable."
        ),
        "adaptation": (
            "Governments at any level can adapt the approach by setting up a permanent dialogue forum with civil "
            "society and publishing concrete, time-bound reform commitments with independent review."
        ),
        "organisations": [
            ["lead", "Open Government Partnership Support Unit"],
            ["partner", "Participating governments and civil society organisations"],
        ],
        "countries": ["BR", "ID", "MX", "NO", "PH", "ZA", "GB", "US"],
        "scale": "global",
        "themes": ["democracy", "technology"],
        "sdgs": [16, 17],
        "keywords": ["open government", "transparency", "accountability"],
        "start_year": 2011,
        "status": "active",
        "actor_type": "public",
        "website": "https://www.opengovpartnership.org",
        "translated": False,
    },
]
