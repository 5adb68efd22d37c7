from reports.models.brief import PolicyBriefContributor, PolicyBriefPage, ToolkitPage
from reports.models.implementation import RecommendationPractice
from reports.models.index import ReportIndexPage
from reports.models.report import ChapterContributor, ChapterPage, ReportContributor, ReportPage

__all__ = [
    "ChapterContributor",
    "ChapterPage",
    "PolicyBriefContributor",
    "PolicyBriefPage",
    "RecommendationPractice",
    "ReportContributor",
    "ReportIndexPage",
    "ReportPage",
    "ToolkitPage",
]
