"""Word lists for `generate_load_content`: believable policy prose in the Panel's ten languages.

Nouns come as (singular, plural) pairs so that load pages hold both forms and the benchmark's
queries exercise stemming; Chinese has no plural and is written without spaces, so its sentences
exercise segmentation. Sentences follow each language's usual word order closely enough for
search (not for a reader).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    nouns: tuple[tuple[str, str], ...]
    adjectives: tuple[str, ...]
    verbs: tuple[str, ...]
    order: str  # "svo", "sov" or "vso"
    adjective_first: bool = True
    separator: str = " "
    full_stop: str = "."


VOCABULARIES: dict[str, Vocabulary] = {
    "en": Vocabulary(
        nouns=(
            ("policy", "policies"),
            ("city", "cities"),
            ("report", "reports"),
            ("community", "communities"),
            ("school", "schools"),
            ("worker", "workers"),
            ("cooperative", "cooperatives"),
            ("family", "families"),
            ("right", "rights"),
            ("budget", "budgets"),
            ("election", "elections"),
            ("hospital", "hospitals"),
            ("reform", "reforms"),
            ("income", "incomes"),
        ),
        adjectives=("social", "public", "local", "rural", "urban", "fair", "democratic", "sustainable"),
        verbs=("improve", "support", "protect", "transform", "measure", "strengthen"),
        order="svo",
    ),
    "es": Vocabulary(
        nouns=(
            ("política", "políticas"),
            ("ciudad", "ciudades"),
            ("informe", "informes"),
            ("comunidad", "comunidades"),
            ("escuela", "escuelas"),
            ("trabajador", "trabajadores"),
            ("cooperativa", "cooperativas"),
            ("familia", "familias"),
            ("derecho", "derechos"),
            ("presupuesto", "presupuestos"),
            ("elección", "elecciones"),
            ("hospital", "hospitales"),
            ("vivienda", "viviendas"),
            ("reforma", "reformas"),
        ),
        adjectives=("social", "pública", "local", "rural", "urbana", "justa", "democrática", "sostenible"),
        verbs=("mejoran", "apoyan", "protegen", "transforman", "miden", "fortalecen"),
        order="svo",
        adjective_first=False,
    ),
    "fr": Vocabulary(
        nouns=(
            ("politique", "politiques"),
            ("ville", "villes"),
            ("rapport", "rapports"),
            ("communauté", "communautés"),
            ("école", "écoles"),
            ("travailleur", "travailleurs"),
            ("coopérative", "coopératives"),
            ("famille", "familles"),
            ("droit", "droits"),
            ("budget", "budgets"),
            ("élection", "élections"),
            ("hôpital", "hôpitaux"),
            ("logement", "logements"),
            ("inégalité", "inégalités"),
        ),
        adjectives=("sociale", "publique", "locale", "rurale", "urbaine", "juste", "démocratique", "durable"),
        verbs=("améliorent", "soutiennent", "protègent", "transforment", "mesurent", "renforcent"),
        order="svo",
        adjective_first=False,
    ),
    "pt": Vocabulary(
        nouns=(
            ("política", "políticas"),
            ("cidade", "cidades"),
            ("relatório", "relatórios"),
            ("comunidade", "comunidades"),
            ("escola", "escolas"),
            ("trabalhador", "trabalhadores"),
            ("cooperativa", "cooperativas"),
            ("família", "famílias"),
            ("direito", "direitos"),
            ("orçamento", "orçamentos"),
            ("eleição", "eleições"),
            ("hospital", "hospitais"),
            ("moradia", "moradias"),
            ("reforma", "reformas"),
        ),
        adjectives=("social", "pública", "local", "rural", "urbana", "justa", "democrática", "sustentável"),
        verbs=("melhoram", "apoiam", "protegem", "transformam", "medem", "fortalecem"),
        order="svo",
        adjective_first=False,
    ),
    "ru": Vocabulary(
        nouns=(
            ("политика", "политики"),
            ("город", "города"),
            ("доклад", "доклады"),
            ("община", "общины"),
            ("школа", "школы"),
            ("работник", "работники"),
            ("кооператив", "кооперативы"),
            ("семья", "семьи"),
            ("право", "права"),
            ("бюджет", "бюджеты"),
            ("больница", "больницы"),
            ("реформа", "реформы"),
            ("неравенство", "неравенства"),
            ("доход", "доходы"),
        ),
        adjectives=(
            "социальная",
            "общественная",
            "местная",
            "сельская",
            "городская",
            "справедливая",
            "демократическая",
            "устойчивая",
        ),
        verbs=("улучшают", "поддерживают", "защищают", "меняют", "измеряют", "укрепляют"),
        order="svo",
    ),
    "ar": Vocabulary(
        nouns=(
            ("سياسة", "سياسات"),
            ("مدينة", "مدن"),
            ("تقرير", "تقارير"),
            ("مجتمع", "المجتمعات"),
            ("مدرسة", "مدارس"),
            ("عامل", "عمال"),
            ("تعاونية", "تعاونيات"),
            ("أسرة", "أسر"),
            ("حق", "حقوق"),
            ("ميزانية", "ميزانيات"),
            ("انتخاب", "انتخابات"),
            ("مستشفى", "مستشفيات"),
            ("إصلاح", "إصلاحات"),
            ("دخل", "الدخول"),
        ),
        adjectives=("اجتماعية", "عامة", "محلية", "ريفية", "حضرية", "عادلة", "ديمقراطية", "مستدامة"),
        verbs=("تحسن", "تدعم", "تحمي", "تغير", "تقيس", "تعزز"),
        order="vso",
        adjective_first=False,
    ),
    "hi": Vocabulary(
        nouns=(
            ("नीति", "नीतियाँ"),
            ("शहर", "शहरों"),
            ("रिपोर्ट", "रिपोर्टें"),
            ("समुदाय", "समुदायों"),
            ("स्कूल", "स्कूलों"),
            ("मज़दूर", "मज़दूरों"),
            ("परिवार", "परिवारों"),
            ("अधिकार", "अधिकारों"),
            ("बजट", "बजटों"),
            ("चुनाव", "चुनावों"),
            ("अस्पताल", "अस्पतालों"),
            ("योजना", "योजनाएँ"),
            ("शिक्षा", "शिक्षा"),
            ("आय", "आय"),
        ),
        adjectives=("सामाजिक", "सार्वजनिक", "स्थानीय", "ग्रामीण", "शहरी", "न्यायपूर्ण", "लोकतांत्रिक", "टिकाऊ"),
        verbs=("सुधारती हैं", "समर्थन करती हैं", "बचाती हैं", "बदलती हैं", "मापती हैं", "मज़बूत करती हैं"),
        order="sov",
        full_stop="।",
    ),
    "bn": Vocabulary(
        nouns=(
            ("নীতি", "নীতিগুলো"),
            ("শহর", "শহরগুলো"),
            ("প্রতিবেদন", "প্রতিবেদনগুলো"),
            ("সম্প্রদায়", "সম্প্রদায়গুলো"),
            ("বিদ্যালয়", "বিদ্যালয়গুলো"),
            ("শ্রমিক", "শ্রমিকেরা"),
            ("সমবায়", "সমবায়গুলো"),
            ("পরিবার", "পরিবারগুলো"),
            ("অধিকার", "অধিকারগুলো"),
            ("বাজেট", "বাজেটগুলো"),
            ("নির্বাচন", "নির্বাচনগুলো"),
            ("হাসপাতাল", "হাসপাতালগুলো"),
            ("উন্নয়ন", "উন্নয়ন"),
            ("শিক্ষা", "শিক্ষা"),
        ),
        adjectives=("সামাজিক", "সরকারি", "স্থানীয়", "গ্রামীণ", "নাগরিক", "ন্যায্য", "গণতান্ত্রিক", "টেকসই"),
        verbs=("উন্নত করে", "সমর্থন করে", "রক্ষা করে", "বদলায়", "পরিমাপ করে", "শক্তিশালী করে"),
        order="sov",
        full_stop="।",
    ),
    "ur": Vocabulary(
        nouns=(
            ("پالیسی", "پالیسیاں"),
            ("شہر", "شہروں"),
            ("رپورٹ", "رپورٹیں"),
            ("برادری", "برادریاں"),
            ("اسکول", "اسکولوں"),
            ("مزدور", "مزدوروں"),
            ("خاندان", "خاندانوں"),
            ("حق", "حقوق"),
            ("بجٹ", "بجٹوں"),
            ("انتخاب", "انتخابات"),
            ("ہسپتال", "ہسپتالوں"),
            ("تعلیم", "تعلیم"),
            ("ترقی", "ترقی"),
            ("آمدنی", "آمدنی"),
        ),
        adjectives=("سماجی", "عوامی", "مقامی", "دیہی", "شہری", "منصفانہ", "جمہوری", "پائیدار"),
        verbs=("بہتر بناتی ہیں", "مدد کرتی ہیں", "تحفظ دیتی ہیں", "بدلتی ہیں", "ناپتی ہیں", "مضبوط کرتی ہیں"),
        order="sov",
        full_stop="۔",
    ),
    "zh-hans": Vocabulary(
        nouns=(
            ("政策", "政策"),
            ("城市", "城市"),
            ("报告", "报告"),
            ("社区", "社区"),
            ("学校", "学校"),
            ("工人", "工人"),
            ("合作社", "合作社"),
            ("家庭", "家庭"),
            ("权利", "权利"),
            ("预算", "预算"),
            ("选举", "选举"),
            ("医院", "医院"),
            ("住房", "住房"),
            ("教育", "教育"),
        ),
        adjectives=("社会", "公共", "地方", "农村", "城市", "公平", "民主", "可持续"),
        verbs=("改善", "支持", "保护", "改变", "衡量", "加强"),
        order="svo",
        separator="",
        full_stop="。",
    ),
}


class Writer:
    """Deterministic sentences in one language (a fixed seed per language and starting page)."""

    def __init__(self, language: str, seed: int) -> None:
        self.vocabulary = VOCABULARIES[language]
        self.random = random.Random(f"{language}-{seed}")  # noqa: S311 (filler text, not security)
        # Zipf-like weights: a few words are everywhere, most are rarer, as in real prose.
        self.weights = [1 / rank for rank in range(1, len(self.vocabulary.nouns) + 1)]

    def _noun(self) -> str:
        singular, plural = self.random.choices(self.vocabulary.nouns, self.weights)[0]
        return self.random.choice((singular, plural))

    def _phrase(self) -> str:
        v = self.vocabulary
        words = (self.random.choice(v.adjectives), self._noun())
        return v.separator.join(words if v.adjective_first else reversed(words))

    def sentence(self) -> str:
        v = self.vocabulary
        subject, obj, verb = self._phrase(), self._phrase(), self.random.choice(v.verbs)
        parts = {"svo": (subject, verb, obj), "sov": (subject, obj, verb), "vso": (verb, subject, obj)}[v.order]
        text = v.separator.join(parts)
        return text[0].upper() + text[1:] + v.full_stop

    def title(self) -> str:
        return self.sentence().removesuffix(self.vocabulary.full_stop)

    def paragraph(self, sentences: int) -> str:
        joiner = " " if self.vocabulary.separator else ""
        return joiner.join(self.sentence() for _ in range(sentences))
